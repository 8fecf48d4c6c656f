namespace Workbench.Security;

public enum SignInMode
{
    /// <summary>Accounts in the warehouse (<c>app_user</c>), a sign-in page; works offline.</summary>
    Local,

    /// <summary>Microsoft Entra ID through Microsoft.Identity.Web; app roles from the token's <c>roles</c> claim.</summary>
    EntraId,
}

/// <summary>The <c>Authentication</c> configuration section.</summary>
public sealed class AuthenticationSettings
{
    public const string SectionName = "Authentication";

    public SignInMode Mode { get; set; } = SignInMode.Local;

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}
