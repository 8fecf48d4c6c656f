using MudBlazor;

namespace Workbench.Shared.Layout;

internal static class WorkbenchTheme
{
    /// <summary>
    /// Japanese-first type: BIZ UDPGothic (the universal-design face made for public documents) where installed,
    /// then the common Japanese system faces. No web fonts: the workbench runs without internet.
    /// </summary>
    public static readonly MudTheme Theme = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["BIZ UDPGothic", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo", "sans-serif"],
            },
        },
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5f8b",
            AppbarBackground = "#1f5f8b",
        },
    };
}
