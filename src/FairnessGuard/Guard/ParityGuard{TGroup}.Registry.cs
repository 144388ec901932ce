namespace FairnessGuard.Guard;

/// <content>The non-generic view the registry, the hosted state service and reports use.</content>
public sealed partial class ParityGuard<TGroup> : IParityGuard
{
    /// <inheritdoc />
    public Type GroupType => typeof(TGroup);

    /// <inheritdoc />
    byte[] IParityGuard.CreateSnapshot() => CreateSnapshot();
}
