// @ts-check
// The review page's types: what the core answers (rows, histograms, import
// reports), what storage.local holds that the page reads, and `Page`, the
// state every part of the page shares (review.js creates it; each part's
// create*() adds its functions to it).

/**
 * @typedef {{ date: string, precision: "day" | "week" | "month" | "year" }} Connected
 * @typedef {{
 *   index: number, slug: string, name: string, headline: string | null,
 *   company: string | null, position: string | null, connected: Connected | null,
 *   source: "connections-page" | "export" | "followers-page",
 *   kept: boolean, queued: boolean, removed: boolean, gone: boolean, unmatched: boolean,
 *   possiblySameAs?: string | null, profileUrl?: string | null,
 *   contact?: Contact | null,
 *   follower?: boolean, followsBack?: boolean | null,
 * }} Row follower: read on the member's followers page (absent from an older core)
 * @typedef {{
 *   lastMessage: string | null, firstMessage: string | null,
 *   messages: number, sent: number, received: number, conversations: number,
 *   invitedBy: "member" | "them" | null, invitedOn: string | null,
 *   endorsementsGiven: number, endorsementsReceived: number,
 *   recommendationsGiven: number, recommendationsReceived: number,
 * }} Contact what the data archive says of one person: counts and dates, never text
 * @typedef {{ archiveDay: string | null, importedMs: number, kinds: string[],
 *   messages: boolean, peopleWithContact: number }} ArchiveInfo the core's archiveInfo()
 * @typedef {{ years: { years: number, count: number }[], never: number,
 *   unknown: number }} ContactHistogram years since the last message (10 = ten or more)
 * @typedef {{ name: string, kind?: string, rows?: number, skipped?: number,
 *   refused?: string, ignored?: boolean }} FileReport one file the archive reader read
 * @typedef {{
 *   archiveDay: string | null, previousArchiveDay: string | null, olderThanStored: boolean,
 *   kinds: string[], files: FileReport[], connections: ImportReport | null,
 *   counterparts: number, matchedByLink: number, matchedByName: number, unmatched: number,
 *   unmatchedNames: string[], ambiguous: number, peopleWithContact: number,
 *   messages: number, conversations: number,
 * }} ArchiveReport what the background's mergeArchive answered
 * @typedef {{
 *   add(name: string, bytes: Uint8Array): FileReport[],
 *   finish(): string,
 *   free(): void,
 * }} ArchiveReader the page's reader of the archive (its digest: counts and dates only)
 * @typedef {{
 *   running: boolean, startedAtMs: number, endedAtMs: number | null, seen: number,
 *   target: number | null, outcome: null | "complete" | "ended" | "stopped" | "interrupted",
 *   reason: string | null, gone: number,
 * }} Collect
 * @typedef {{ rows: number, matched: number, added: number, unmatched: number,
 *   skipped: { line: number, reason: string }[] }} ImportReport
 * @typedef {{ years: { year: number, count: number }[], unknown: number }} Histogram
 * @typedef {{ value: number, precision: "exact" | "approximate" | "at-least", shown?: string }} Count
 * @typedef {{
 *   state: "idle" | "running" | "paused", reason: string | null,
 *   pending: number, inProgress: number, removed: number,
 *   hourlyCap: number | null, dailyCap: number | null, dryRunLeft?: number, devPacing?: boolean,
 *   kinds?: { kind: string, pending: number, hourlyCap: number | null,
 *     dailyCap: number | null }[],
 *   overallDailyCap?: number | null,
 * }} QueueProgress the part of the core's QueueProgress used here
 * @typedef {{
 *   minDelayMs: number, medianDelayMs: number,
 *   breatherEveryMin: number, breatherEveryMax: number,
 *   breatherMinMs: number, breatherMaxMs: number,
 *   hourlyCap: number, dailyCap: number,
 *   quietStartMinute: number | null, quietEndMinute: number | null,
 *   backoffBaseMs: number, backoffCapMs: number, devDelayMs?: number | null,
 * }} PacingSettings the core's PacingSettings (src/pacing.rs), camelCase
 * @typedef {{ progress?: QueueProgress | null,
 *   entries?: { dryRun?: boolean, status?: { kind?: string } }[],
 *   settings?: Partial<PacingSettings> | null }} QueueStore storage.local.queue
 * @typedef {{ slug: string, why: string, message: string }} Refusal the core's refusal: its reason code and words
 * @typedef {{
 *   queueable: string[],
 *   excluded: { slug: string, name: string, reason: string, message: string }[],
 *   connectionsBefore: number | null, connectionsAfter: number | null,
 *   connectionsPrecision: Count["precision"] | null, crossesBadge: boolean,
 *   finishAtMs: number | null, durationMs: number | null, alreadyWaiting: number,
 * }} RemovalPlan the core's plan of a removal batch (Core.planRemovals)
 * @typedef {import("../popup/types.js").RemovalLanguage} RemovalLanguage
 * @typedef {{ state: "watching" | "observed" | "failed", language: string | null, atMs: number,
 *   words?: { menuItem: string, confirm: string, menuButton: string | null, itemRole: string,
 *     dialogTag: string, dialogSaysItem: boolean, language: string },
 *   person?: { slug: string, name: string } | null, reason?: string }} TeachState
 *   storage.local.teach: the teach-once flow (background/messages.js)
 * @typedef {{ name: string, query: string }} SavedQuery
 * @typedef {{ label: string, query: string }} SuggestedQuery
 * @typedef {{
 *   query(text: string, nowMs: number): Uint32Array,
 *   rows(indices: Uint32Array): Row[],
 *   slugs(indices: Uint32Array): string[],
 *   histogram(indices: Uint32Array): Histogram,
 *   exportCsv(indices: Uint32Array): string,
 *   savedQueries(): SavedQuery[],
 *   backupJson(nowMs: number): string,
 *   planRemovals(slugs: string[], nowMs: number, utcOffsetMinutes: number): RemovalPlan,
 *   planActions(slugs: string[], kind: string, nowMs: number,
 *     utcOffsetMinutes: number): RemovalPlan,
 *   actionCounts(slugs: string[]): Record<string, number>,
 *   removalLanguage(): RemovalLanguage,
 *   prepareSearch?: () => boolean,
 *   archiveInfo?: () => ArchiveInfo | null,
 *   contactHistogram?: (indices: Uint32Array, nowMs: number) => ContactHistogram,
 *   free?: () => void,
 * }} Replica
 * @typedef {{
 *   restoreStored(bytes: Uint8Array): Replica,
 *   queryHelp(): string,
 *   suggestedQueries(): SuggestedQuery[],
 *   pacingLimits(): Record<string, { min: number, max: number, default: number | null }>,
 *   ArchiveReader?: new () => ArchiveReader,
 * }} CoreClass
 */

/**
 * @typedef {{
 *   doc: Document,
 *   win: Window & typeof globalThis,
 *   ui: ReturnType<typeof import("./elements.js").elements>,
 *   extension: any,
 *   loadCore: () => Promise<CoreClass>,
 *   readNetwork: () => Promise<unknown>,
 *   loadArchiveReader: () => Promise<new () => ArchiveReader>,
 *   selected: Map<string, number>,
 *   rendered: Map<string, HTMLElement>,
 *   rowData: WeakMap<Element, Row>,
 *   Core: CoreClass | null,
 *   replica: Replica | null,
 *   replicaRevision: number | null,
 *   everyone: Uint32Array,
 *   directory: { slugOf: string[], indexOf: Map<string, number> } | null,
 *   matches: Uint32Array,
 *   matchMarks: Uint8Array,
 *   queryFailure: { message: string, position: number | null } | null,
 *   activePosition: number,
 *   selectionAnchor: number | null,
 *   detailsRow: Row | null,
 *   queryDirty: boolean,
 *   dataSettingsChosen: boolean,
 *   frameRequested: boolean,
 *   stopped: boolean,
 *   reloadTimer: ReturnType<typeof setTimeout> | null,
 *   lastReloadAt: number,
 *   reloading: boolean,
 *   reloadAgain: boolean,
 *   pendingRestore: { name: string, text: string } | null,
 *   collect: Collect | null,
 *   companyTemplate: string,
 *   loadInFlight: Promise<void> | null,
 *   collectChanges: number,
 *   staleNotice: boolean,
 *   queueStore: QueueStore | null,
 *   queueChanges: number,
 *   queuePlan: { asked: string[], kind: "remove" | "withdraw" | "unfollow", slugs: string[],
 *     names: string[], needsAck: boolean, sending: boolean, answered: boolean } | null,
 *   selectionView: { query: string } | null,
 *   pageCheck: any,
 *   teach: TeachState | null,
 *   archive: ArchiveInfo | null,
 *   histogramMode: "year" | "contact",
 *   importing: boolean,
 * }} PageState the page's state; every part reads and writes it through `page`
 * @typedef {{
 *   later(callback: () => void, ms: number): ReturnType<typeof setTimeout>,
 *   requestFrame(callback: () => void): unknown,
 *   load(): Promise<void>,
 *   loadOnce(): Promise<void>,
 *   fatal(message: string): void,
 *   adoptSnapshot(text: unknown): void,
 *   replaceReplica(next: Replica | null, revision: number | null): void,
 *   requestReload(): void,
 *   runReload(): Promise<void>,
 *   reload(): Promise<void>,
 *   getDirectory(): { slugOf: string[], indexOf: Map<string, number> },
 *   indexOfSlug(slug: string): number,
 *   scheduleRender(requery?: boolean): void,
 *   renderNow(): void,
 *   ask(message: object, statusLine: HTMLElement, failurePrefix: string): Promise<any>,
 * }} PageCore what review.js and replica.js put on `page`
 * @typedef {{
 *   runQuery: (...args: any[]) => any,
 *   renderQueryState: (...args: any[]) => any,
 *   fragmentEnd: (...args: any[]) => any,
 *   renderHelpAndSuggestions: (...args: any[]) => any,
 *   renderSavedQueries: (...args: any[]) => any,
 *   setQuery: (...args: any[]) => any,
 *   clearSearch: (...args: any[]) => any,
 *   onQueryEdited: (...args: any[]) => any,
 *   toggleCompanyForm: (...args: any[]) => any,
 *   saveQuery: (...args: any[]) => any,
 *   renderWindow: (...args: any[]) => any,
 *   updateTabStop: (...args: any[]) => any,
 *   renderDetails: (...args: any[]) => any,
 *   openDetails: (...args: any[]) => any,
 *   closeDetails: (...args: any[]) => any,
 *   moveTo: (...args: any[]) => any,
 *   renderHistogram: (...args: any[]) => any,
 *   renderSelection: (...args: any[]) => any,
 *   setMoreOpen: (open: boolean, focusToggle?: boolean) => void,
 *   toggleAt: (position: number, range: boolean) => void,
 *   selectRange: (from: number, to: number) => void,
 *   selectAllMatching: (...args: any[]) => any,
 *   clearSelection: (...args: any[]) => any,
 *   setKept: (...args: any[]) => any,
 *   selectedIndices: (...args: any[]) => any,
 *   showSelection: (...args: any[]) => any,
 *   leaveSelectionView: (...args: any[]) => any,
 *   renderSelectionView: (...args: any[]) => any,
 *   selectionMatches: () => Uint32Array,
 *   exportCsv: (...args: any[]) => any,
 *   importCsv: (...args: any[]) => any,
 *   importArchive: (...args: any[]) => any,
 *   renderArchive: () => void,
 *   renderArchiveHint: () => void,
 *   goToArchiveImport: () => void,
 *   downloadBackup: (...args: any[]) => any,
 *   chooseRestoreFile: (...args: any[]) => any,
 *   confirmRestore: (...args: any[]) => any,
 *   closeRestoreConfirm: (...args: any[]) => any,
 *   renderCollect: (...args: any[]) => any,
 *   renderPartial: () => void,
 *   startCollect: (...args: any[]) => any,
 *   stopCollect: (...args: any[]) => any,
 *   runPageCheck: (...args: any[]) => any,
 *   copyPageCheck: (...args: any[]) => any,
 *   renderQueueLine: (...args: any[]) => any,
 *   openQueueDialog: (...args: any[]) => any,
 *   chooseKind: (...args: any[]) => any,
 *   startListCollect: (...args: any[]) => any,
 *   renderLists: (...args: any[]) => any,
 *   listsRunning?: boolean,
 *   updateConfirm: (...args: any[]) => any,
 *   closeQueueDialog: (...args: any[]) => any,
 *   confirmQueue: (...args: any[]) => any,
 *   trapTab: (...args: any[]) => any,
 *   removalBlocked: () => boolean,
 *   renderTeach: (...args: any[]) => any,
 *   startTeach: (...args: any[]) => any,
 *   confirmTeach: (...args: any[]) => any,
 *   cancelTeach: (...args: any[]) => any,
 * }} PageParts what each part's create*() adds to `page` (query-box.js ... queue-dialog.js)
 * @typedef {PageState & PageCore & PageParts} Page
 */

export {};
