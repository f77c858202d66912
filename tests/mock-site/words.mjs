// The mock LinkedIn site's words, in each language it can be served in
// (`createMockSite({ language })`). Written here, apart from the extension's
// reader tables (linkedin/words/*.json, which this file must never import):
// the mock is what LinkedIn shows, the tables are what netprune expects, and
// a typo in either then fails a test instead of agreeing with itself.
//
// Every entry says where its words were seen. A word no public source shows
// is still needed (the mock must show something), so it is written as the
// mock's own assumption and marked "no evidence: the mock's assumption;
// netprune must not click it": such a page is a fixture of a LinkedIn that
// netprune cannot act on yet, never a reason to teach netprune the word.
//
// Templates take `{n}` (a count already formatted), `{date}` (a day already
// formatted), `{name}` (a whole name) and `{first}` (a first name). Warnings,
// faults' dialogs, the checkpoint and sign-in pages, the profile's buttons and
// artdeco's visually hidden labels stay English in every language (no
// evidence of them elsewhere, and no test reads them in another language).

/** The languages the mock can be served in; "en" is the default. */
export const LANGUAGES = ["en", "tr", "pt-BR", "de", "fr"];

/**
 * The language among LANGUAGES whose removal labels no public source shows,
 * so netprune does not know them: its removal words are all the mock's
 * assumptions (see `de` below).
 */
export const UNKNOWN_REMOVAL_LANGUAGE = "de";

/**
 * Every key each language must carry. `locale` formats the language's
 * numbers and days (Intl); the rest are the words the pages show.
 */
export const WORD_KEYS = [
  "locale",
  "home",
  "myNetwork",
  "messaging",
  "me",
  "feedTitle",
  "connectionsTitle",
  "connectionsTotal",
  "connectedOn",
  "moreActionsFor",
  "showMoreActions",
  "moreActionsMenu",
  "removeConnection",
  "dialogTitle",
  "dialogText",
  "dialogTextOlder",
  "confirm",
  "confirmOlder",
  "cancel",
  "dismiss",
  "loadMore",
  "showMoreResults",
  "searchByName",
  "message",
  "sendMessageTo",
  "sortBy",
  "loading",
  "noResults",
  "profilePictureAlt",
  "followersTab",
  "followingTab",
  "follow",
  "followsHeading",
  "followersCount",
  "connectionsCount",
];

/** @type {Record<string, Record<string, string>>} */
export const WORDS = {
  // English: what the mock has always shown (docs/LINKEDIN.md for each
  // generation's sources; the page scripts carry the same words as their
  // default, and tests/content/mock-words.test.mjs holds the two equal).
  en: {
    locale: "en-US",
    home: "Home",
    myNetwork: "My Network",
    messaging: "Messaging",
    me: "Me",
    feedTitle: "Feed",
    connectionsTitle: "Connections",
    connectionsTotal: "{n} connections",
    connectedOn: "Connected on {date}",
    moreActionsFor: "More actions for {name}",
    showMoreActions: "Show more actions",
    moreActionsMenu: "More actions",
    removeConnection: "Remove connection",
    dialogTitle: "Remove connection",
    dialogText: "Are you sure you want to remove {first} as a connection? They won’t be notified.",
    dialogTextOlder:
      "Are you sure you want to remove {name} as a connection? Don’t worry, {name} won’t be notified by LinkedIn.",
    confirm: "Remove connection",
    confirmOlder: "Remove",
    cancel: "Cancel",
    dismiss: "Dismiss",
    loadMore: "Load more",
    showMoreResults: "Show more results",
    searchByName: "Search by name",
    message: "Message",
    sendMessageTo: "Send a message to {name}",
    sortBy: "Sort by: Recently added",
    loading: "Loading",
    noResults: "No results found",
    profilePictureAlt: "{name}’s profile picture",
    followersTab: "Followers",
    followingTab: "Following",
    follow: "Follow",
    followsHeading: "Following & followers",
    followersCount: "{n} followers",
    connectionsCount: "{n} connections",
  },

  // Turkish. Evidence (/work/shared/LINKEDIN-MARKUP.md, docs/LINKEDIN.md
  // "Languages: dates and totals", and the research notes of issue 12,
  // /work/research-lang.md, whose source keys [S..] are cited below). All of
  // it is one lineage of code (sulhadin/linkedin-cleanup and its fork
  // utkuacikgoz/linkedin-cleanup), mostly the developers' own fixtures and
  // regular expressions, not captures:
  // - "1.217 bağlantı": utkuacikgoz src/linkedin/page/connections.test.ts
  //   (fixture [S5]); the total regex `(connections|bağlantı)` [S4, S10];
  // - "Bağlantı kurulma tarihi: 22 Ağustos 2024": utkuacikgoz
  //   src/linkedin/dates.test.ts (fixture [S6]); the line prefix regex [S4];
  // - "Ada Lovelace için diğer işlemler" (fixture [S3]), regex
  //   `.* için diğer işlemler` (utkuacikgoz src/linkedin/labels-ui.ts [S1],
  //   sulhadin src/server/actions.ts [S8]);
  // - "Bağlantıyı kaldır" (menu item, fixture [S3]; first alternative of
  //   `bağlantıyı kaldır|bağlantıdan çıkar` [S1, S8]); the confirm
  //   `^(…|bağlantıyı kaldır|kaldır|…)$` [S1, S8], older "kaldır" [S9];
  // - "daha fazla" (load-more prefix [S1]), "isme göre ara" (search, a
  //   substring [S1, S2]), "Mesaj" (the Message button, a prefix [S4]),
  //   "Daha fazla sonuç göster" (search results, another page [S24]).
  // Everything else: no evidence: the mock's assumption; netprune must not click it.
  tr: {
    locale: "tr",
    home: "Ana Sayfa", // no evidence: the mock's assumption
    myNetwork: "Ağım", // no evidence: the mock's assumption
    messaging: "Mesajlaşma", // no evidence: the mock's assumption
    me: "Ben", // no evidence: the mock's assumption
    feedTitle: "Akış", // no evidence: the mock's assumption
    connectionsTitle: "Bağlantılar", // no evidence: the mock's assumption
    connectionsTotal: "{n} bağlantı", // evidence: "1.217 bağlantı" [S5]
    connectedOn: "Bağlantı kurulma tarihi: {date}", // evidence: dates.test.ts [S6]
    moreActionsFor: "{name} için diğer işlemler", // evidence: labels-ui.ts [S1], fixture [S3]
    // no evidence: the mock's assumption; netprune must not click it
    showMoreActions: "Diğer işlemleri göster",
    moreActionsMenu: "Diğer işlemler", // no evidence: the mock's assumption
    removeConnection: "Bağlantıyı kaldır", // evidence: labels-ui.ts [S1], fixture [S3]
    // no evidence (no dialog title is public in any language): the mock's
    // assumption; netprune must not click it
    dialogTitle: "Bağlantıyı kaldır",
    // no evidence: the mock's assumption
    dialogText:
      "{first} adlı kişiyi bağlantılarınızdan kaldırmak istediğinizden emin misiniz? Bu kişiye bildirim gönderilmez.",
    // no evidence: the mock's assumption
    dialogTextOlder:
      "{name} adlı kişiyi bağlantılarınızdan kaldırmak istediğinizden emin misiniz? Endişelenmeyin, {name} LinkedIn tarafından bilgilendirilmez.",
    confirm: "Bağlantıyı kaldır", // evidence: labels-ui.ts [S1], fixture [S3] (2026 dialog)
    confirmOlder: "Kaldır", // evidence: "kaldır" in remove.ts [S9] (older dialog), capital K assumed
    cancel: "İptal", // no evidence: the mock's assumption; netprune must not click it
    dismiss: "Kapat", // no evidence: the mock's assumption; netprune must not click it
    // evidence: the prefix "daha fazla" [S1]; " yükle" is no evidence: the
    // mock's assumption; netprune must not click it
    loadMore: "Daha fazla yükle",
    // evidence: "Daha fazla sonuç göster" on search results [S24], another
    // page: on the connections page the mock's assumption
    showMoreResults: "Daha fazla sonuç göster",
    // evidence: "isme göre ara" [S1, S2], a substring in lower case; the
    // capital İ (U+0130, which ASCII case folding does not fold) is the
    // mock's assumption
    searchByName: "İsme göre ara",
    message: "Mesaj", // evidence: "mesaj" prefix [S4]
    sendMessageTo: "{name} adlı kişiye mesaj gönder", // no evidence: the mock's assumption
    sortBy: "Sıralama ölçütü: Son eklenenler", // no evidence: the mock's assumption
    loading: "Yükleniyor", // no evidence: the mock's assumption
    noResults: "Sonuç bulunamadı", // no evidence: the mock's assumption
    profilePictureAlt: "{name} profil fotoğrafı", // no evidence: the mock's assumption
    followersTab: "Takipçiler", // no evidence: the mock's assumption
    followingTab: "Takip edilenler", // no evidence: the mock's assumption
    follow: "Takip et", // no evidence: the mock's assumption; netprune must not click it
    followsHeading: "Takip edilenler ve takipçiler", // no evidence: the mock's assumption
    followersCount: "{n} takipçi", // no evidence: the mock's assumption
    connectionsCount: "{n} bağlantı", // evidence: "1.217 bağlantı"
  },

  // Brazilian Portuguese. Evidence: "Remover conexão" (menu item and the
  // 2026 dialog's confirm) and "Cancelar": jonathatbusiness/linkedin-connection-remover
  // src/content/content.js [S12] (root content.js [S13]). The research notes
  // (/work/research-lang.md §3) found no "Mais ações…" and no older confirm
  // "Remover" anywhere, though /work/shared/LINKEDIN-MARKUP.md lists them: that
  // tool finds the menu button by the English "More actions for" [S12, S14].
  // No source shows a pt-BR total or date line.
  // Everything else: no evidence: the mock's assumption; netprune must not click it.
  "pt-BR": {
    locale: "pt-BR",
    home: "Início", // no evidence: the mock's assumption
    myNetwork: "Minha rede", // no evidence: the mock's assumption
    messaging: "Mensagens", // no evidence: the mock's assumption
    me: "Eu", // no evidence: the mock's assumption
    feedTitle: "Feed", // no evidence: the mock's assumption
    connectionsTitle: "Conexões", // no evidence: the mock's assumption
    connectionsTotal: "{n} conexões", // no evidence: the mock's assumption
    connectedOn: "Conectado em {date}", // no evidence: the mock's assumption
    // no evidence (research-lang.md §3: "Mais ações" not found): the mock's
    // assumption; netprune must not click it
    moreActionsFor: "Mais ações para {name}",
    // no evidence: the mock's assumption; netprune must not click it
    showMoreActions: "Mostrar mais ações",
    moreActionsMenu: "Mais ações", // no evidence: the mock's assumption
    removeConnection: "Remover conexão", // evidence: content.js [S12, S13]
    // no evidence: the mock's assumption; netprune must not click it
    dialogTitle: "Remover conexão",
    // no evidence: the mock's assumption
    dialogText:
      "Tem certeza de que deseja remover {first} das suas conexões? Essa pessoa não será notificada.",
    // no evidence: the mock's assumption
    dialogTextOlder:
      "Tem certeza de que deseja remover {name} das suas conexões? Não se preocupe, {name} não será notificado(a) pelo LinkedIn.",
    confirm: "Remover conexão", // evidence: content.js [S12, S13] (2026 dialog)
    // no evidence (research-lang.md §3: not found): the mock's assumption;
    // netprune must not click it
    confirmOlder: "Remover",
    cancel: "Cancelar", // evidence: content.js [S12, S13]
    dismiss: "Fechar", // no evidence: the mock's assumption; netprune must not click it
    loadMore: "Carregar mais", // no evidence: the mock's assumption; netprune must not click it
    // no evidence: the mock's assumption; netprune must not click it
    showMoreResults: "Exibir mais resultados",
    searchByName: "Pesquisar por nome", // no evidence: the mock's assumption
    message: "Enviar mensagem", // no evidence: the mock's assumption
    sendMessageTo: "Enviar mensagem para {name}", // no evidence: the mock's assumption
    sortBy: "Classificar por: Adicionados recentemente", // no evidence: the mock's assumption
    loading: "Carregando", // no evidence: the mock's assumption
    noResults: "Nenhum resultado encontrado", // no evidence: the mock's assumption
    profilePictureAlt: "Foto do perfil de {name}", // no evidence: the mock's assumption
    followersTab: "Seguidores", // no evidence: the mock's assumption
    followingTab: "Seguindo", // no evidence: the mock's assumption
    follow: "Seguir", // no evidence: the mock's assumption; netprune must not click it
    followsHeading: "Seguindo e seguidores", // no evidence: the mock's assumption
    followersCount: "{n} seguidores", // no evidence: the mock's assumption
    connectionsCount: "{n} conexões", // no evidence: the mock's assumption
  },

  // German, the language whose removal labels netprune does not know
  // (UNKNOWN_REMOVAL_LANGUAGE): no public source shows a German card menu,
  // menu item or dialog (research-lang.md §4 searched "Kontakt entfernen",
  // "Verbindung entfernen": nothing). Evidence only for the own profile's
  // totals: "491 Kontakte", "500+ Kontakte", "7.892 Follower:innen" (a
  // profile collector's test, code index id 61903175743 [S20]; the label
  // "Follower:innen" also in file ids 52465714311, 70085074521, 71398982130).
  // The connections page's header in German is not shown anywhere.
  // Everything else: no evidence: the mock's assumption; netprune must not click it.
  de: {
    locale: "de",
    home: "Startseite", // no evidence: the mock's assumption
    myNetwork: "Mein Netzwerk", // no evidence: the mock's assumption
    messaging: "Nachrichten", // no evidence: the mock's assumption
    me: "Ich", // no evidence: the mock's assumption
    feedTitle: "Feed", // no evidence: the mock's assumption
    connectionsTitle: "Kontakte", // no evidence: the mock's assumption
    // evidence: "491 Kontakte" [S20], on the own profile: on the connections
    // page the mock's assumption
    connectionsTotal: "{n} Kontakte",
    connectedOn: "Verbunden am {date}", // no evidence: the mock's assumption
    // no evidence: the mock's assumption; netprune must not click it
    moreActionsFor: "Weitere Aktionen für {name}",
    // no evidence: the mock's assumption; netprune must not click it
    showMoreActions: "Weitere Aktionen anzeigen",
    moreActionsMenu: "Weitere Aktionen", // no evidence: the mock's assumption
    // no evidence: the mock's assumption; netprune must not click it
    removeConnection: "Kontakt entfernen",
    dialogTitle: "Kontakt entfernen", // no evidence: the mock's assumption
    // no evidence: the mock's assumption
    dialogText:
      "Möchten Sie {first} wirklich als Kontakt entfernen? Die Person wird nicht benachrichtigt.",
    // no evidence: the mock's assumption
    dialogTextOlder:
      "Möchten Sie {name} wirklich als Kontakt entfernen? Keine Sorge, {name} wird von LinkedIn nicht benachrichtigt.",
    confirm: "Kontakt entfernen", // no evidence: the mock's assumption; netprune must not click it
    confirmOlder: "Entfernen", // no evidence: the mock's assumption; netprune must not click it
    cancel: "Abbrechen", // no evidence: the mock's assumption; netprune must not click it
    dismiss: "Schließen", // no evidence: the mock's assumption; netprune must not click it
    loadMore: "Mehr anzeigen", // no evidence: the mock's assumption; netprune must not click it
    // no evidence: the mock's assumption; netprune must not click it
    showMoreResults: "Weitere Ergebnisse anzeigen",
    searchByName: "Nach Namen suchen", // no evidence: the mock's assumption
    message: "Nachricht", // no evidence: the mock's assumption
    sendMessageTo: "Nachricht an {name} senden", // no evidence: the mock's assumption
    sortBy: "Sortieren nach: Zuletzt hinzugefügt", // no evidence: the mock's assumption
    loading: "Wird geladen", // no evidence: the mock's assumption
    noResults: "Keine Ergebnisse gefunden", // no evidence: the mock's assumption
    profilePictureAlt: "Profilbild von {name}", // no evidence: the mock's assumption
    followersTab: "Follower:innen", // evidence: the label "Follower:innen"
    followingTab: "Gefolgt", // no evidence: the mock's assumption
    follow: "Folgen", // no evidence: the mock's assumption; netprune must not click it
    followsHeading: "Gefolgt & Follower:innen", // no evidence: the mock's assumption
    followersCount: "{n} Follower:innen", // evidence: "7.892 Follower:innen" [S20]
    connectionsCount: "{n} Kontakte", // evidence: "491 Kontakte", "500+ Kontakte" [S20]
  },
  // French, for the sent invitations page above all: there the sdui-2026
  // page shows "Retirer", "Retirer l’invitation envoyée à <Name>" and
  // "Personnes (N)" (assets/invitations.js carries those, with their
  // evidence: docs/research/2026-12-07-withdraw-unfollow-languages.md §1).
  // On the connections page netprune knows no French removal words, and
  // this entry is the mock's assumption but for "Supprimer la relation"
  // (docs/research/2026-12-05-languages.md [S15]: a 2022 classic-UI menu
  // item, dimitri-bourreau/linkedin-removal-helper). Its confirm is
  // "Retirer", the same word as the withdraw dialog's confirm: that
  // research found no French confirm ("Retirer" / "Supprimer" only as
  // unsourced guesses), and a page showing it is what proves netprune does
  // not click it on the connections page.
  // Everything else: no evidence: the mock's assumption; netprune must not click it.
  fr: {
    locale: "fr",
    home: "Accueil", // no evidence: the mock's assumption
    myNetwork: "Réseau", // no evidence: the mock's assumption
    messaging: "Messagerie", // no evidence: the mock's assumption
    me: "Vous", // no evidence: the mock's assumption
    feedTitle: "Fil d’actualité", // no evidence: the mock's assumption
    connectionsTitle: "Relations", // no evidence: the mock's assumption
    connectionsTotal: "{n} relations", // no evidence: the mock's assumption
    connectedOn: "Relation depuis le {date}", // no evidence: the mock's assumption
    // no evidence: the mock's assumption; netprune must not click it
    moreActionsFor: "Plus d’actions pour {name}",
    // no evidence: the mock's assumption; netprune must not click it
    showMoreActions: "Afficher plus d’actions",
    moreActionsMenu: "Plus d’actions", // no evidence: the mock's assumption
    // evidence: [S15], 2022 classic UI only; on the 2025-26 pages the mock's
    // assumption; netprune must not click it
    removeConnection: "Supprimer la relation",
    // no evidence: the mock's assumption; netprune must not click it
    dialogTitle: "Supprimer la relation",
    // no evidence: the mock's assumption
    dialogText:
      "Voulez-vous vraiment supprimer {first} de vos relations ? Cette personne ne sera pas avertie.",
    // no evidence: the mock's assumption
    dialogTextOlder:
      "Voulez-vous vraiment supprimer {name} de vos relations ? Pas d’inquiétude, {name} ne sera pas averti(e) par LinkedIn.",
    // no evidence (an unsourced guess in docs/research/2026-12-05-languages.md,
    // and the withdraw dialog's confirm word): the mock's assumption;
    // netprune must not click it
    confirm: "Retirer",
    confirmOlder: "Retirer", // no evidence: the mock's assumption; netprune must not click it
    cancel: "Annuler", // no evidence: the mock's assumption; netprune must not click it
    dismiss: "Fermer", // no evidence: the mock's assumption; netprune must not click it
    loadMore: "Afficher plus", // no evidence: the mock's assumption; netprune must not click it
    // no evidence: the mock's assumption; netprune must not click it
    showMoreResults: "Afficher plus de résultats",
    searchByName: "Rechercher par nom", // no evidence: the mock's assumption
    message: "Message", // no evidence: the mock's assumption
    sendMessageTo: "Envoyer un message à {name}", // no evidence: the mock's assumption
    sortBy: "Trier par : Ajout récent", // no evidence: the mock's assumption
    loading: "Chargement", // no evidence: the mock's assumption
    noResults: "Aucun résultat", // no evidence: the mock's assumption
    profilePictureAlt: "Photo de profil de {name}", // no evidence: the mock's assumption
    followersTab: "Abonnés", // no evidence: the mock's assumption
    followingTab: "Abonnements", // no evidence: the mock's assumption
    follow: "Suivre", // no evidence: the mock's assumption; netprune must not click it
    followsHeading: "Abonnements et abonnés", // no evidence: the mock's assumption
    followersCount: "{n} abonnés", // no evidence: the mock's assumption
    connectionsCount: "{n} relations", // no evidence: the mock's assumption
  },
};

/** The entry for `language`, or an error naming the ones there are. */
export function wordsFor(language) {
  const words = Object.hasOwn(WORDS, language) ? WORDS[language] : undefined;
  if (!words) {
    throw new Error(`unknown language ${JSON.stringify(language)}; use one of ${LANGUAGES}`);
  }
  return words;
}

/**
 * A template filled in: `fill("{n} bağlantı", { n: "1.217" })`.
 * @param {string} template
 * @param {Record<string, string>} [values]
 */
export function fill(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, key) =>
    Object.hasOwn(values, key) ? values[key] : whole,
  );
}

/** 1217 -> "1.217" (tr, de, pt-BR), "1,217" (en): the language's digit grouping. */
export function formatCountIn(language, value) {
  return new Intl.NumberFormat(wordsFor(language).locale).format(value);
}

/** "2024-08-22" -> "22 Ağustos 2024" (tr): the day, month written out, and year. */
export function formatDayIn(language, isoDate) {
  return new Intl.DateTimeFormat(wordsFor(language).locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** "2024-08-22" -> "Bağlantı kurulma tarihi: 22 Ağustos 2024": a card's date line. */
export function connectedLineIn(language, isoDate) {
  return fill(wordsFor(language).connectedOn, { date: formatDayIn(language, isoDate) });
}

/**
 * What a member teaches netprune by removing one person by hand on this
 * mock's sdui-2026 connections page in `language` (extension/content/
 * teach.js records it so): the words the page showed, and their places.
 * `overrides` changes any of them (a page that no longer matches).
 * @param {string} language
 * @param {object} [overrides]
 */
export function taughtOnMock(language, overrides = {}) {
  const words = wordsFor(language);
  return {
    language,
    menuItem: words.removeConnection,
    confirm: words.confirm,
    menuButton: fill(words.moreActionsFor, { name: "{name}" }),
    itemRole: "menuitem",
    dialogTag: "dialog",
    dialogSaysItem: true,
    ...overrides,
  };
}
