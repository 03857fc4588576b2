using System.Runtime.CompilerServices;
using Bunit;

namespace Belu.Portal.Tests.Infrastructure;

/// <summary>
/// Component waits get ten seconds instead of bUnit's default: the suite runs its portals, browsers and components in
/// parallel on two cores, and a starved thread pool once let a two-second wait lapse before its first check. A wait
/// returns as soon as its condition holds, so only a failing test waits longer.
/// </summary>
internal static class BunitDefaults
{
    [ModuleInitializer]
    internal static void Apply() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
