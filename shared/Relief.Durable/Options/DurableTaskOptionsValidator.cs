using Microsoft.Extensions.Options;

namespace Relief.Durable;

/// <summary>Validates <see cref="DurableTaskOptions"/> (run at start via ValidateOnStart).</summary>
internal sealed class DurableTaskOptionsValidator : IValidateOptions<DurableTaskOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableTaskOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
