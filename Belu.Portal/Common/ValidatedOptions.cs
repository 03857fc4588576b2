using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Belu.Portal.Common;

/// <summary>
/// Settings bound from a section of appsettings.json and checked when the portal starts, not when a page first needs
/// them: a bad value stops the start with a message that names the key (<c>Office:TimeZone</c>), as the operator
/// writes it. The checks are the options' data annotations and, where a rule spans fields, <see cref="IValidatableObject"/>.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section));
        return services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .ValidateOnStart();
    }

    /// <summary>
    /// Runs the checks registered with <see cref="AddValidatedOptions{TOptions}"/> now. The host would run them when it
    /// starts listening, but the database is migrated and seeded before that, with the settings already in use.
    /// </summary>
    public static void ValidateSettings(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            app.Logger.LogCritical("Portal tidak dapat dimulai karena pengaturan tidak valid: {Failures}", string.Join(" ", ex.Failures));
            throw;
        }
    }

    private sealed class SectionValidator<TOptions>(string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }
            return ValidateOptionsResult.Fail(results.Select(r =>
            {
                var key = string.Join(", ", r.MemberNames.DefaultIfEmpty("").Select(m => m.Length == 0 ? section : $"{section}:{m}"));
                return $"Pengaturan {key} tidak valid: {r.ErrorMessage}";
            }));
        }
    }
}
