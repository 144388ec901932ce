using FairnessGuard.Guard;
using FairnessGuard.Hosting;
using FairnessGuard.Registry;
using FairnessGuard.State;
using FairnessGuard.Storage.PostgreSql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>PostgreSQL replication for the registry built by <c>AddFairnessGuard</c>.</summary>
public static class PostgreSqlFairnessGuardBuilderExtensions
{
    /// <summary>
    /// Replicates every guard of the registry — generated methods' and hand-made — through PostgreSQL: each gets a
    /// <see cref="PostgreSqlGuardReplicator{TGroup}"/> when it is created, synced every
    /// <see cref="FairnessGuardOptions.SyncInterval"/> and when the host stops. Every replica of an application must
    /// configure its guards alike (same options shape) and use its own <see cref="PostgreSqlReplicationOptions.ReplicaId"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddFairnessGuard</c>.</param>
    /// <param name="configure">Connection string and replica id.</param>
    /// <returns>The builder.</returns>
    public static FairnessGuardBuilder UsePostgreSql(this FairnessGuardBuilder builder, Action<PostgreSqlReplicationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PostgreSqlReplicationOptions();
        configure(options);
        var replication = new PostgreSqlReplication(options);
        builder.Services.Configure<FairnessGuardOptions>(o => o.Replication = replication);
        return builder;
    }

    /// <summary>One replicator per guard.</summary>
    internal sealed class PostgreSqlReplication(PostgreSqlReplicationOptions options) : IGuardReplication
    {
        public IGuardSynchronizer Create<TGroup>(ParityGuard<TGroup> guard, string key)
            where TGroup : notnull => new PostgreSqlGuardReplicator<TGroup>(guard, options, key);
    }
}
