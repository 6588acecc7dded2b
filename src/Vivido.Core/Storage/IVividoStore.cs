namespace Vivido.Core.Storage;

/// <summary>
/// The whole storage port: what the application service needs from a database. Every store
/// (SQLite, PostgreSQL) implements it and passes the shared compliance suite. Stores never read a
/// clock: every time comes from the caller, and is kept normalised by <see cref="HistoryChain.Normalize"/>.
/// </summary>
public interface IVividoStore : IImageStore, ITransitionStore, IAuditStore, ITagStore, IEvidenceStore, IIdempotencyStore, ITokenStore, ILeaseStore, ITimerStore, IStoreTransfer, IStoreMaintenance;
