//! The queue's log: one record per transition of one entry, kept for the
//! member's export (as CSV), trimmed without ever dropping a removal.

use super::*;

/// One transition of one entry, kept for the member's export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogRecord {
    /// The profile slug.
    pub slug: String,
    /// The name at the time.
    pub name: String,
    /// When.
    pub at_ms: TimeMs,
    /// The stage before (`None` when first queued).
    pub from: Option<Stage>,
    /// The stage after.
    pub to: Stage,
    /// What happened, in words.
    pub detail: String,
    /// What kind of step (an earlier build's records are removals).
    #[serde(default, skip_serializing_if = "ActionKind::is_remove")]
    pub action: ActionKind,
}

impl LogRecord {
    /// `https://www.linkedin.com/in/<slug>/`, so the member can find the
    /// person again.
    pub fn profile_url(&self) -> String {
        if self.slug.is_empty() {
            // A record about the whole queue (a cool-down overridden).
            return String::new();
        }
        crate::report::view::profile_url_of(&self.slug)
    }
}

impl RemovalQueue {
    /// The log as CSV (RFC 4180, header first, no BOM): name, profile URL,
    /// time in ISO 8601 UTC, stage before and after, and what happened. Safe
    /// to open in a spreadsheet: a cell that would run as a formula starts
    /// with an apostrophe.
    pub fn log_csv(&self) -> String {
        let mut out = String::from("Name,Profile URL,When (UTC),From,Outcome,Detail,Action\r\n");
        for record in &self.log {
            let fields = [
                record.name.as_str(),
                &record.profile_url(),
                &iso_utc(record.at_ms),
                record.from.map_or("", Stage::word),
                // A verified step's outcome in its kind's word.
                match record.to {
                    Stage::Removed => record.action.done_word(),
                    other => other.word(),
                },
                &record.detail,
                record.action.id(),
            ];
            for (n, field) in fields.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                crate::report::view::push_csv_field(&mut out, field);
            }
            out.push_str("\r\n");
        }
        out
    }
}

impl RemovalQueue {
    pub(super) fn push_log(&mut self, record: LogRecord) {
        self.log.push(record);
        if self.log.len() > MAX_LOG_RECORDS {
            self.trim_log();
        }
    }

    /// Drops the oldest records that are not removals, down to 90% of the
    /// limit, so trimming is rare.
    pub(super) fn trim_log(&mut self) {
        if self.log.len() <= MAX_LOG_RECORDS {
            return;
        }
        let mut excess = self.log.len() - MAX_LOG_RECORDS * 9 / 10;
        self.log.retain(|r| {
            // Removals and unconfirmed removals stay: the member may need
            // them to reconnect.
            if excess > 0 && !matches!(r.to, Stage::Removed | Stage::Unconfirmed) {
                excess -= 1;
                false
            } else {
                true
            }
        });
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
pub(super) fn iso_utc(ms: TimeMs) -> String {
    let seconds = ms.rem_euclid(DAY_MS) / 1000;
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        CivilDate::from_ms(ms),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_time_is_utc_to_the_second() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            iso_utc(1_795_262_400_000 + 3_723_999),
            "2026-11-21T13:02:03Z"
        );
    }

    #[test]
    fn log_trimming_keeps_every_removal() {
        let mut queue = RemovalQueue::new(1);
        for n in 0..MAX_LOG_RECORDS + 1 {
            queue.log.push(LogRecord {
                slug: format!("p{n}"),
                name: String::new(),
                at_ms: n as i64,
                from: None,
                action: ActionKind::Remove,
                to: if n % 1000 == 0 {
                    Stage::Removed
                } else {
                    Stage::Pending
                },
                detail: String::new(),
            });
        }
        queue.trim_log();
        assert!(queue.log.len() <= MAX_LOG_RECORDS * 9 / 10 + 101);
        assert_eq!(
            queue.log.iter().filter(|r| r.to == Stage::Removed).count(),
            MAX_LOG_RECORDS / 1000 + 1
        );
    }
}
