using Bunit;
using MudBlazor.Services;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// A bUnit context set up as the portal's components expect: MudBlazor's services, and MudBlazor's JavaScript calls
/// answered loosely (a test that checks a call passes <see cref="JSRuntimeMode.Strict"/> and sets it up). MudBlazor's
/// services are IAsyncDisposable only: create it with <c>await using</c>.
/// </summary>
public class MudContext : BunitContext
{
    public MudContext(JSRuntimeMode jsMode = JSRuntimeMode.Loose)
    {
        JSInterop.Mode = jsMode;
        Services.AddMudServices();
    }
}
