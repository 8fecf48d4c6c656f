using Workbench.Shared.Export;

namespace Workbench.Tests.Export;

public class ExportTokensTests
{
    private readonly ManualTime time = new();

    [Fact]
    public void A_token_works_once_and_only_for_the_user_it_was_registered_for()
    {
        var tokens = new ExportTokens(time);
        var job = new NoJob();
        var token = tokens.Register("teacher", job);

        Assert.Equal(ExportTokenResult.OtherUser, tokens.TryTake(token, "someone-else", out var stolen));
        Assert.Null(stolen);
        Assert.Equal(ExportTokenResult.Taken, tokens.TryTake(token, "teacher", out var taken)); // the stranger did not use it up
        Assert.Same(job, taken);
        Assert.Equal(ExportTokenResult.NotFound, tokens.TryTake(token, "teacher", out _));
    }

    [Fact]
    public void A_token_expires_after_its_lifetime_and_expired_ones_are_dropped()
    {
        var tokens = new ExportTokens(time);
        var token = tokens.Register("teacher", new NoJob());

        time.Advance(ExportTokens.Lifetime);
        tokens.Register("other", new NoJob());

        Assert.Equal(ExportTokenResult.NotFound, tokens.TryTake(token, "teacher", out _));
        Assert.Equal(1, tokens.Count);
    }

    [Fact]
    public void Tokens_are_long_random_and_safe_in_a_url()
    {
        var tokens = new ExportTokens(time);
        var made = Enumerable.Range(0, 100).Select(_ => tokens.Register("teacher", new NoJob())).ToList();

        Assert.Equal(100, made.Distinct(StringComparer.Ordinal).Count());
        Assert.All(made, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
    }

    [Fact]
    public void The_file_name_carries_the_title_and_the_time_in_Japan_without_characters_files_refuse()
    {
        var name = ExportFileName.Of("担当の学級/2025年度: 一覧?", new DateTimeOffset(2026, 11, 25, 15, 30, 0, TimeSpan.Zero));

        Assert.Equal("担当の学級_2025年度_ 一覧__20261126-0030.xlsx", name);
    }

    private sealed class NoJob : IExportJob
    {
        public string FileName(DateTimeOffset now) => "x.xlsx";

        public Task<long> WriteAsync(ExportContext context, Stream output) => Task.FromResult(0L);
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTime : TimeProvider
{
    private DateTimeOffset now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
