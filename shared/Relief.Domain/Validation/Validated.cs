using System.Diagnostics.CodeAnalysis;

namespace Relief.Domain.Validation;

/// <summary>Either a valid value or the validation errors that prevented it (a result, not an exception).</summary>
public sealed class Validated<T>
    where T : class
{
    private Validated(T? value, IReadOnlyList<ValidationError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The value, when <see cref="IsValid"/>.</summary>
    public T? Value { get; }

    /// <summary>The errors, empty when <see cref="IsValid"/>.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when there are no errors.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    /// <summary>A valid result.</summary>
    public static Validated<T> Valid(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), []);

    /// <summary>An invalid result with at least one error.</summary>
    public static Validated<T> Invalid(params ValidationError[] errors) =>
        errors.Length == 0 ? throw new ArgumentException("At least one error is required.", nameof(errors)) : new(null, errors);
}
