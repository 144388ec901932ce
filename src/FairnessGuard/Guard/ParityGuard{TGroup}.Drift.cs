namespace FairnessGuard.Guard;

/// <content>What the two-stage drift detector has seen across groups (restarts are in <see cref="Counts"/>).</content>
public sealed partial class ParityGuard<TGroup>
{
    /// <summary>Windows that crossed the first drift stage (suspects), confirmed or not, over all groups.</summary>
    internal long DriftSuspects
    {
        get
        {
            long suspects = 0;
            foreach (var state in _table.All)
            {
                suspects += state.DriftSuspects;
            }

            return suspects;
        }
    }
}
