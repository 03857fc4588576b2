using MudBlazor;

namespace Belu.Portal.Components.Layout;

/// <summary>The portal's colours: the regency's blue with a warm accent, readable on office monitors.</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b4f8a",
            Secondary = "#c77d0a",
            Tertiary = "#2e7d6b",
            AppbarBackground = "#163f6e",
            Background = "#f4f6f9",
            DrawerBackground = "#ffffff",
            DrawerText = "rgba(0,0,0,0.8)",
            Success = "#2e7d32",
            Warning = "#ed6c02",
            Error = "#c62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Segoe UI", "Noto Sans", "Helvetica", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "260px" },
    };
}
