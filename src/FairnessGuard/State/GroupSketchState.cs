using FairnessGuard.Sketches;

namespace FairnessGuard.State;

/// <summary>
/// One group's sketches as replicas exchange them: a delta (what one replica saw since its last push) or
/// the merged state of all replicas. Merging is associative and commutative in distribution, so deltas can
/// be folded in any order and grouping.
/// </summary>
/// <param name="Kind">Keyed, overflow or unknown group.</param>
/// <param name="Key">The key's bytes (<see cref="IGroupKeyCodec{TGroup}"/>); empty for overflow and unknown.</param>
/// <param name="Label">The group's label, for logs and queries.</param>
/// <param name="Samples">The true number of finite samples the sketches stand for (the sketches may hold a subsample).</param>
/// <param name="Raw">The sketch of ranked raw outputs.</param>
/// <param name="Returned">The sketch of returned outputs (monitoring).</param>
public sealed record GroupSketchState(GroupKind Kind, byte[] Key, string Label, long Samples, QuantileSketch Raw, QuantileSketch Returned);
