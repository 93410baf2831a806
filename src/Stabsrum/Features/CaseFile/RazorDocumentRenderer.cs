using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Stabsrum.Features.CaseFile;

/// <summary>Renders a Razor view (with its partials) to a string, for documents that are files rather than pages.</summary>
public sealed class RazorDocumentRenderer(IRazorViewEngine engine, ITempDataProvider tempData)
{
    public async Task<string> RenderAsync<TModel>(HttpContext http, string viewPath, TModel model)
    {
        var actionContext = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
        var found = engine.GetView(executingFilePath: null, viewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"View {viewPath} not found: {string.Join(", ", found.SearchedLocations)}");
        }

        await using var writer = new StringWriter();
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(actionContext, found.View, viewData, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return writer.ToString();
    }
}
