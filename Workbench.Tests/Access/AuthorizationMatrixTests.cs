using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Domain.Access;
using Workbench.Tests.Support;

namespace Workbench.Tests.Access;

/// <summary>The app in memory, with its first start done (tiny seed, demo accounts), for signing in as every role.</summary>
public sealed class InMemoryWorkbench : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "workbench-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A client that keeps its cookies and does not follow redirects; signed in as <paramref name="role"/> unless null.</summary>
    public async Task<HttpClient> ClientAsync(string? role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (role is null)
        {
            return client;
        }

        var account = DemoSignIn.Read(DataDirectory).Single(a => a.Role == role);
        var form = await client.GetStringAsync("/account/sign-in");
        var fields = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Form.UserName"] = account.UserName;
        fields["Form.Password"] = account.Password;
        using var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} could not sign in: {response.StatusCode}");
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Warehouse:DataDirectory", DataDirectory);
        builder.UseSetting("Seed:Scale", "tiny");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static Regex HiddenInputs() => new("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"");
}

/// <summary>Test classes that sign in to the one in-memory workbench (seeding a second would only load the machine).</summary>
[CollectionDefinition(Name)]
public sealed class InMemoryWorkbenchCollection : ICollectionFixture<InMemoryWorkbench>
{
    public const string Name = "In-memory workbench";
}

[Collection(InMemoryWorkbenchCollection.Name)]
public class AuthorizationMatrixTests(InMemoryWorkbench app)
{
    private static readonly string[] Anyone = ["(anonymous)", .. WorkbenchRoles.All];
    private static readonly string[] SignedIn = [.. WorkbenchRoles.All];

    /// <summary>Every GET route of the app and who may open it. A route missing here fails the test.</summary>
    private static readonly Dictionary<string, (string Probe, string[] Allowed)> Expected = new(StringComparer.Ordinal)
    {
        ["/"] = ("/", SignedIn),
        ["/learning"] = ("/learning", [WorkbenchRoles.Teacher, WorkbenchRoles.SchoolAdmin, WorkbenchRoles.BoardOfEducation, WorkbenchRoles.Analyst]),
        ["/learning/classes/{ClassKey}"] = ("/learning/classes/tsuyama%3Ax", [WorkbenchRoles.Teacher, WorkbenchRoles.SchoolAdmin, WorkbenchRoles.BoardOfEducation, WorkbenchRoles.Analyst]),
        ["/learning/classes/{ClassKey}/pupils/{PupilKey}"] = ("/learning/classes/tsuyama%3Ax/pupils/x", [WorkbenchRoles.Teacher, WorkbenchRoles.SchoolAdmin, WorkbenchRoles.BoardOfEducation, WorkbenchRoles.Analyst]),
        ["/learning/warnings"] = ("/learning/warnings", [WorkbenchRoles.Teacher, WorkbenchRoles.SchoolAdmin, WorkbenchRoles.BoardOfEducation, WorkbenchRoles.Analyst]),
        ["/learning/board"] = ("/learning/board", [WorkbenchRoles.SchoolAdmin, WorkbenchRoles.BoardOfEducation, WorkbenchRoles.Analyst]),
        ["/health"] = ("/health", [WorkbenchRoles.HealthStaff, WorkbenchRoles.Analyst]),
        ["/transit"] = ("/transit", [WorkbenchRoles.TransitPlanner, WorkbenchRoles.Analyst]),
        ["/waste"] = ("/waste", [WorkbenchRoles.WastePlanner, WorkbenchRoles.Analyst]),
        ["/reports"] = ("/reports", [WorkbenchRoles.SchoolAdmin, WorkbenchRoles.BoardOfEducation, WorkbenchRoles.HealthStaff, WorkbenchRoles.TransitPlanner, WorkbenchRoles.WastePlanner, WorkbenchRoles.Analyst]),
        ["/reports/learning/pdf"] = ("/reports/learning/pdf?year=2025", [WorkbenchRoles.SchoolAdmin, WorkbenchRoles.BoardOfEducation, WorkbenchRoles.Analyst]),
        ["/data"] = ("/data", [WorkbenchRoles.Admin]),
        ["/admin"] = ("/admin", [WorkbenchRoles.Admin]),
        ["/account/password"] = ("/account/password", SignedIn),
        ["/not-found"] = ("/not-found", SignedIn),
        ["/account/sign-in"] = ("/account/sign-in", Anyone),
        ["/status/{Code:int}"] = ("/status/404", Anyone),
        ["/Error"] = ("/Error", Anyone),
        ["/healthz"] = ("/healthz", Anyone),
        ["/culture/set"] = ("/culture/set?culture=en-US&returnUrl=/", Anyone),
        ["/export/{token}"] = ("/export/not-a-token", SignedIn),
    };

    /// <summary>Routes whose probe has nothing to show even to those allowed: allowed means 404 here, not 200.</summary>
    private static readonly HashSet<string> NotFoundWhenAllowed = new(StringComparer.Ordinal) { "/status/{Code:int}", "/export/{token}" };

    [Fact]
    public async Task Every_route_answers_each_role_as_the_matrix_says_and_forbidden_answers_carry_no_data()
    {
        var routes = GetRoutes();
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), routes.Order(StringComparer.Ordinal));

        var failures = new List<string>();
        foreach (var role in Anyone)
        {
            using var client = await app.ClientAsync(role == "(anonymous)" ? null : role);
            foreach (var (route, (probe, allowed)) in Expected)
            {
                using var response = await client.GetAsync(probe);
                var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                var answered = allowed.Contains(role)
                    ? response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect && !SentToSignIn(response)
                      || (NotFoundWhenAllowed.Contains(route) && response.StatusCode == HttpStatusCode.NotFound)
                    : role == "(anonymous)"
                        ? SentToSignIn(response)
                        : response.StatusCode == HttpStatusCode.Forbidden && body.Contains("このページを開く権限がありません", StringComparison.Ordinal)
                          && !body.Contains("<table", StringComparison.Ordinal);
                if (!answered)
                {
                    failures.Add($"{role} GET {probe}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_circuit_hub_and_sign_out_need_a_signed_in_user()
    {
        using var anonymous = await app.ClientAsync(null);

        using var negotiate = await anonymous.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        using var signOut = await anonymous.PostAsync("/account/sign-out", new FormUrlEncodedContent([]));

        using var signedIn = await app.ClientAsync(WorkbenchRoles.Analyst);
        using var ok = await signedIn.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.DoesNotContain("connectionToken", await negotiate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode); // the same request signed in opens a circuit
        Assert.NotEqual(HttpStatusCode.OK, signOut.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = await app.ClientAsync(WorkbenchRoles.Analyst);

        foreach (var path in new[] { "/", "/account/sign-in", "/healthz", "/no/such/page" })
        {
            using var response = await client.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task A_return_url_off_site_lands_on_the_home_page_after_sign_in()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var account = DemoSignIn.Read(app.DataDirectory).Single(a => a.Role == WorkbenchRoles.Analyst);
        var form = await client.GetStringAsync("/account/sign-in?ReturnUrl=//evil.example/");
        var fields = new Regex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"").Matches(form)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Form.UserName"] = account.UserName;
        fields["Form.Password"] = account.Password;

        using var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields));

        Assert.Equal("//evil.example/", fields["Form.ReturnUrl"]);
        var landed = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal((client.BaseAddress!.Host, "/"), (landed.Host, landed.AbsolutePath));
    }

    private static bool SentToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/sign-in", StringComparison.Ordinal) == true;

    private List<string> GetRoutes()
    {
        _ = app.Server; // starts the app
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        return
        [
            .. sources.Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
                .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
                .Where(r => !r.StartsWith("/_", StringComparison.Ordinal) && !Regex.IsMatch(r, @"\.[A-Za-z0-9]+$") && !r.Contains("{**", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal),
        ];
    }
}
