namespace LrNotebooks.Training;

/// <summary>The checks the range test's and the trainer's options share; each throws ArgumentException naming the option.</summary>
internal static class RunOptionChecks
{
    public static void AtLeastOne(int value, string name)
    {
        if (value < 1)
            throw new ArgumentException($"{name} must be at least 1; got {value}.", name);
    }

    public static void SmoothingBeta(double beta, string name)
    {
        if (!(beta >= 0 && beta < 1))
            throw new ArgumentException($"{name} must be in [0, 1) (0 disables smoothing); got {beta}.", name);
    }
}
