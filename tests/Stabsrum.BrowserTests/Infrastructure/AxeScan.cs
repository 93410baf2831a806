using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Stabsrum.BrowserTests.Infrastructure;

/// <summary>axe-core against WCAG 2.0 and 2.1, levels A and AA; serious and critical findings fail the test.</summary>
public static class AxeScan
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        var blocking = result.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, Describe(page.Url, blocking));
    }

    private static string Describe(string url, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"axe found serious or critical WCAG violations on {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine().Append($"- {violation.Id} ({violation.Impact}): {violation.Help} <{violation.HelpUrl}>");
            foreach (var node in violation.Nodes)
            {
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message);
                text.AppendLine().Append($"    at {node.Target} {node.Html}: {string.Join(" / ", checks)}");
            }
        }

        return text.ToString();
    }
}
