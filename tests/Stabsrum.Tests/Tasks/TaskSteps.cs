using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Stabsrum.Tests.CrisisLog.CrisisLogSteps;

namespace Stabsrum.Tests.Tasks;

/// <summary>What a staff member does with tasks through the API.</summary>
public static class TaskSteps
{
    public static Task<HttpResponseMessage> CreateTaskAsync(HttpClient api, Guid incidentId, object task) =>
        api.PostAsync($"/api/v1/incidents/{incidentId}/tasks", Json(task));

    public static async Task<JsonElement> CreateTaskOkAsync(HttpClient api, Guid incidentId, object task)
    {
        using var response = await CreateTaskAsync(api, incidentId, task);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> TransitionAsync(HttpClient api, Guid taskId, object change) =>
        api.PostAsync($"/api/v1/tasks/{taskId}/transitions", Json(change));

    public static async Task<List<JsonElement>> TasksAsync(HttpClient api, Guid incidentId, string query = "")
    {
        using var response = await api.GetAsync($"/api/v1/incidents/{incidentId}/tasks{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    /// <summary>A published action card with the given steps (text, role); returns the card id.</summary>
    public static async Task<Guid> PublishedCardAsync(HttpClient maintainerApi, string title, params (string Text, string Role)[] steps)
    {
        using var created = await maintainerApi.PostAsync("/api/v1/action-cards", Json(new
        {
            title,
            roleOrSituation = "Krisestaben",
            trigger = "Skybrud",
            steps = steps.Select(s => new { text = s.Text, responsibleRole = s.Role }).ToList(),
        }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var published = await maintainerApi.PostAsync($"/api/v1/action-cards/{id}/publish", Json(new { version = 1 }));
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
        return id;
    }
}
