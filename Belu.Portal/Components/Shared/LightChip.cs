using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Belu.Portal.Components.Shared;

/// <summary>
/// A small chip as MudChip draws it (the same classes, so the same look in both themes and on a phone), written as
/// plain markup: no component behind it, so a list row with two chips costs its circuit nothing beyond the row's own
/// frames. A chip that is only shown (no click, no close) needs nothing more; see decision 0029.
/// </summary>
public static class LightChip
{
    public static RenderFragment Small(string text, Color color, Variant variant = Variant.Filled, string? icon = null,
        string? dataState = null, string? testId = null) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", $"mud-chip mud-chip-{Css(variant)} mud-chip-size-small mud-chip-color-{Css(color)}");
        builder.AddAttribute(4, "tabindex", "-1");
        builder.AddAttribute(5, "data-state", dataState);
        builder.AddAttribute(6, "data-testid", testId);
        if (icon is not null)
        {
            builder.OpenElement(7, "svg");
            builder.AddAttribute(8, "class", "mud-icon-root mud-svg-icon mud-icon-size-small mud-chip-icon");
            builder.AddAttribute(9, "focusable", "false");
            builder.AddAttribute(10, "viewBox", "0 0 24 24");
            builder.AddAttribute(11, "aria-hidden", "true");
            builder.AddAttribute(12, "role", "img");
            builder.AddMarkupContent(13, icon);
            builder.CloseElement();
        }
        builder.OpenElement(14, "span");
        builder.AddAttribute(15, "class", "mud-chip-content");
        builder.AddContent(16, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>Filled → filled, Error → error: the names MudBlazor's stylesheet uses.</summary>
    private static string Css<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
