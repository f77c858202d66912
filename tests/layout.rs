//! The core's layout, checked: the parts of `src/` import each other in one
//! direction only, and the network imports nothing else in the crate.
//!
//! A part is a folder under `src/` (`network`, `intake`, `search`,
//! `removal`, `report`) or a file at the top (`snapshot`, `storage`, `web`,
//! `bindings`). Every `crate::<part>` path in code (a `use` line or a path
//! written inline, test modules included) is an edge from the file's part to
//! that part; comments are not code. The allowed direction is
//! network <- search <- intake <- report <- removal <- snapshot <- storage <-
//! web <- bindings (removal's log export writes CSV and profile links the
//! way report does; report never looks at the queue; web, the browser's
//! entropy and timers, imports nothing of the crate).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeMap<String, Vec<String>>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The part a file under `src/` belongs to; `None` for `lib.rs`, which only
/// declares the parts.
fn part_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    if rel.components().count() > 1 {
        return Some(first);
    }
    let stem = first.trim_end_matches(".rs").to_string();
    (stem != "lib").then_some(stem)
}

/// The crate parts a line of code names: `crate::<part>` anywhere outside a
/// comment. A grouped `use crate::{a, b}` names each of them.
fn parts_named(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = &rest[..at];
        rest = &rest[at + "crate::".len()..];
        // `netprune_crate::x` or `$crate::` are not this crate's paths.
        if before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            for item in inner.split(',') {
                let name = item.trim().split("::").next().unwrap_or("").trim();
                if !name.is_empty() {
                    found.push(name.to_string());
                }
            }
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.push(name);
        }
    }
    found
}

/// part -> part it imports -> where ("file:line").
fn import_graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let parts: BTreeSet<String> = files.iter().filter_map(|f| part_of(&src, f)).collect();
    let mut graph = Graph::new();
    for file in &files {
        let Some(from) = part_of(&src, file) else {
            continue;
        };
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for to in parts_named(line) {
                // Names that are not parts (a re-export at the crate root such
                // as `crate::Snapshot`) are resolved through lib.rs's `pub use`.
                let to = match to.as_str() {
                    "Snapshot" => "snapshot".to_string(),
                    "Network" | "Goal" => "network".to_string(),
                    "Summary" => "report".to_string(),
                    "PageReading" => "intake".to_string(),
                    _ => to,
                };
                assert!(
                    parts.contains(&to),
                    "{}:{}: `crate::{to}` is not a part of the layout",
                    file.display(),
                    n + 1
                );
                if to != from {
                    graph
                        .entry(from.clone())
                        .or_default()
                        .entry(to)
                        .or_default()
                        .push(format!("{}:{}", file.display(), n + 1));
                }
            }
        }
    }
    graph
}

/// A cycle through the graph, if there is one, as the parts on it.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|m| m.keys()) {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_parts_import_each_other_in_one_direction() {
    let graph = import_graph();
    if let Some(cycle) = find_cycle(&graph) {
        let mut why = format!("import cycle: {}\n", cycle.join(" -> "));
        for pair in cycle.windows(2) {
            for at in &graph[&pair[0]][&pair[1]] {
                why.push_str(&format!("  {} -> {}: {at}\n", pair[0], pair[1]));
            }
        }
        panic!("{why}");
    }
}

#[test]
fn the_network_imports_nothing_else_in_the_crate() {
    let graph = import_graph();
    let imports = graph.get("network").cloned().unwrap_or_default();
    assert!(
        imports.is_empty(),
        "src/network/ imports other parts: {imports:#?}"
    );
}

#[test]
fn each_part_imports_only_the_parts_below_it() {
    // The layers, lowest first; a part may import only parts of lower layers.
    let layers: &[&[&str]] = &[
        &["network"],
        &["search"],
        &["intake"],
        &["report"],
        &["removal"],
        &["snapshot"],
        &["storage"],
        &["web"],
        &["bindings"],
    ];
    let layer_of = |part: &str| layers.iter().position(|l| l.contains(&part));
    let graph = import_graph();
    for (from, imports) in &graph {
        let Some(from_layer) = layer_of(from) else {
            panic!("part {from} is in no layer: add it to this test and to docs");
        };
        for (to, at) in imports {
            let to_layer = layer_of(to).unwrap_or(usize::MAX);
            assert!(
                to_layer < from_layer,
                "{from} imports {to}, which is not below it: {at:?}"
            );
        }
    }
}

#[test]
fn the_checker_sees_a_cycle_and_grouped_imports() {
    assert_eq!(
        parts_named("use crate::{network::model::Person, search::fold};"),
        ["network", "search"]
    );
    assert_eq!(
        parts_named("    let x = crate::search::fold::fold(&y); // crate::removal"),
        ["search"]
    );
    assert!(parts_named("//! [`crate::removal`]").is_empty());
    let mut graph = Graph::new();
    graph
        .entry("a".into())
        .or_default()
        .insert("b".into(), vec![]);
    assert_eq!(find_cycle(&graph), None);
    graph
        .entry("b".into())
        .or_default()
        .insert("a".into(), vec![]);
    assert_eq!(
        find_cycle(&graph),
        Some(vec!["a".into(), "b".into(), "a".into()])
    );
}
