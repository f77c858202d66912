// @ts-check
// The review page's elements, looked up once by id or data-testid (a missing
// one is a markup bug, thrown at start): one table per part of the page,
// `name: "id"`, typed as the element each is.

import { asAnchors, asButtons, asDetails, asInputs, lookups } from "../lib/dom.js";

/** @param {Document} doc */
export function elements(doc) {
  const { ids, testIds, testId } = lookups(doc);
  return {
    // The frame and its states.
    ...ids({
      main: "review",
      loading: "loading-state",
      errorState: "error-state",
      errorMessage: "error-message",
      retry: "retry-button",
      view: "review-view",
    }),

    // The query box.
    ...asInputs(testIds({ input: "filter-input" })),
    ...ids({
      queryHelp: "query-help",
      queryErrorMessage: "query-error-message",
      queryEcho: "query-echo",
      queryErrorSelect: "query-error-select",
      suggestedList: "suggested-list",
      companyForm: "company-form",
      companyCancel: "company-cancel",
      savedHeading: "saved-heading",
      savedEmpty: "saved-empty",
      savedList: "saved-list",
      saveForm: "save-form",
      saveStatus: "save-status",
    }),
    ...testIds({ queryError: "query-error" }),
    ...asInputs(
      ids({
        companyInput: "company-input",
        saveName: "save-name",
      }),
    ),

    // Results, selection and the list.
    ...ids({
      emptyState: "empty-state",
      emptyImport: "empty-import",
      resultsView: "results-view",
      resultWords: "result-words",
      selectionOutside: "selection-outside",
      selectionOutsideText: "selection-outside-text",
      shownWords: "shown-words",
      selectedWords: "selected-words",
      selectionView: "selection-view",
      selectionViewText: "selection-view-text",
      noMatchText: "no-match-text",
      queueLine: "queue-line",
      actionStatus: "action-status",
      histogramFirst: "histogram-first",
      histogramLast: "histogram-last",
      histogramUnknown: "histogram-unknown",
      histogramHeading: "histogram-heading",
      histogramHelp: "histogram-help",
      scroller: "list-scroller",
      list: "person-list",
      listMessage: "list-message",
      listPartialText: "list-partial-text",
    }),
    ...testIds({
      resultCount: "result-count",
      selectedCount: "selected-count",
      shownCount: "shown-count",
      noMatch: "no-match",
      histogram: "histogram",
      actionBar: "action-bar",
      listPartial: "list-partial",
    }),
    ...asButtons(
      testIds({
        selectAll: "select-all-matching",
        clearSelection: "clear-selection",
        keepSelected: "keep-selected",
        unkeepSelected: "unkeep-selected",
        exportCsv: "export-csv",
        queueSelected: "queue-selected",
        showSelected: "show-selected",
        selectionViewBack: "selection-view-back",
        clearSearch: "clear-search",
        collectRest: "collect-rest",
        teachLanguage: "teach-language",
        teachConfirm: "teach-confirm",
        teachCancel: "teach-cancel",
      }),
    ),
    ...testIds({
      teachPanel: "teach-panel",
      queueRefused: "queue-refused",
      teachStatus: "teach-status",
      teachLearned: "teach-learned",
      teachAnswer: "teach-answer",
    }),

    // The details of one person.
    ...ids({
      details: "details",
      detailsName: "details-name",
      detailsClose: "details-close",
      detailsBadges: "details-badges",
      detailsFields: "details-fields",
      detailsNoLink: "details-no-link",
    }),
    ...asAnchors(ids({ detailsLink: "details-link" })),

    // Collecting, and checking a page.
    ...asButtons(
      testIds({
        collectAll: "collect-all",
        pageCheck: "page-check",
      }),
    ),
    ...ids({
      pageCheckResult: "page-check-result",
      pageCheckSummary: "page-check-summary",
      pageCheckLines: "page-check-lines",
      pageCheckStatus: "page-check-status",
      collectStatus: "collect-status",
      collectState: "collect-state",
      collectGone: "collect-gone",
      collectGoneText: "collect-gone-text",
      showGone: "show-gone",
      collectError: "collect-error",
      collectErrorMessage: "collect-error-message",
    }),
    ...asButtons(
      ids({
        pageCheckCopy: "page-check-copy",
        collectStop: "collect-stop",
      }),
    ),
    ...testIds({ collectProgress: "collect-progress" }),
    ...asButtons(
      testIds({
        collectInvitations: "collect-invitations",
        collectFollowing: "collect-following",
        collectFollowers: "collect-followers",
      }),
    ),
    ...testIds({
      collectInvitationsStatus: "collect-invitations-status",
      collectFollowingStatus: "collect-following-status",
      collectFollowersStatus: "collect-followers-status",
    }),

    // Files.
    ...asInputs(
      testIds({
        importInput: "import-csv",
        archiveInput: "import-archive",
        restoreInput: "backup-restore",
      }),
    ),
    ...testIds({ archiveStatus: "archive-status", archiveHint: "archive-hint" }),
    ...ids({ archiveStatusText: "archive-status-text", archiveHintText: "archive-hint-text" }),
    ...asButtons(ids({ archiveHintImport: "archive-hint-import" })),
    ...testIds({
      importReport: "import-report",
      backupDownload: "backup-download",
      restoreConfirmButton: "backup-restore-confirm",
    }),
    ...ids({
      restoreConfirm: "restore-confirm",
      restoreConfirmText: "restore-confirm-text",
      restoreCancel: "restore-cancel",
      backupStatus: "backup-status",
    }),

    // The queue dialog.
    ...testIds({ queueDialog: "queue-dialog", confirmPeople: "confirm-people" }),
    ...ids({
      planBox: "queue-plan",
      planCount: "queue-plan-count",
      planWords: "queue-plan-words",
      queueTitle: "queue-dialog-title",
      excluded: "queue-excluded",
      excludedList: "queue-excluded-list",
      queueAfter: "queue-after",
      below500: "queue-below-500",
      below500Text: "queue-below-500-text",
      queueModeWords: "queue-mode-words",
      queueModeList: "queue-mode-list",
      queueModeOthers: "queue-mode-others",
      queuePacing: "queue-pacing",
      queueResult: "queue-result",
      queueKinds: "queue-kinds",
      queueKindNote: "queue-kind-note",
      queueFinalNote: "queue-final-note",
    }),
    ...asInputs(
      testIds({
        below500Ack: "below-500-ack",
        dryRun: "dry-run",
      }),
    ),
    ...asButtons(testIds({ confirmQueue: "confirm-queue" })),
    ...asButtons(
      testIds({
        kindRemove: "queue-kind-remove",
        kindWithdraw: "queue-kind-withdraw",
        kindUnfollow: "queue-kind-unfollow",
      }),
    ),
    ...asButtons(ids({ queueCancel: "queue-dialog-cancel" })),

    // The way to the removal pace.
    ...ids({ openOptions: "open-options" }),

    // The disclosures: "More" actions, and "Data and settings".
    ...testIds({ moreMenu: "more-menu" }),
    ...ids({ moreItems: "more-items" }),
    ...asButtons(ids({ moreToggle: "more-toggle" })),
    ...asDetails(testIds({ dataSettings: "data-settings" })),
    ...asDetails(ids({ helpPopover: "help-popover" })),
    histogramMode: /** @type {HTMLSelectElement} */ (testId("histogram-mode")),
  };
}
