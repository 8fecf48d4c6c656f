namespace Workbench.Security;

public static class LocalUrl
{
    /// <summary>Only a path on this site (<c>/learning</c>), never <c>//host</c> or <c>/\host</c>: return URLs cannot send anyone away.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
