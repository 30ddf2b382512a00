//! The files of an `extends` chain: finding, bounding and reading them
//! (the chain is walked by `file::load`, in a loop).

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use super::Profile;
use super::toml_doc::Doc;
use crate::error::Error;

/// The longest `extends` chain read (files, not counting the built-in
/// root): deeper is an error naming the file, not a stack overflow.
pub(crate) const MAX_EXTENDS_DEPTH: usize = 64;

/// The largest profile file an `extends` reads (a hand-written profile is a
/// few kilobytes): a device, a named pipe or a huge file is refused rather
/// than read without end.
pub(crate) const MAX_PARENT_BYTES: u64 = 4 << 20;

pub(super) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "profile".to_owned())
}

/// `base/rel`, with `.` and `..` resolved lexically (so paths stay as the
/// user gave them, relative when they were).
pub(super) fn join_path(base: &Path, rel: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in base.join(rel).components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            c => out.push(c.as_os_str()),
        }
    }
    out
}

/// A parent file of a chain, read.
pub(super) struct Link {
    text: String,
    path: PathBuf,
    pub(super) shown: String,
    pub(super) base: PathBuf,
    pub(super) name: String,
}

impl Link {
    pub(super) fn doc(&self) -> Doc<'_> {
        Doc {
            text: self.text.strip_prefix('\u{feff}').unwrap_or(&self.text),
            file: Some(self.path.clone()),
            shown: self.shown.clone(),
        }
    }
}

/// Reads a parent profile: a regular file of at most [`MAX_PARENT_BYTES`].
fn read_parent(path: &Path) -> std::io::Result<String> {
    use std::io::{Error as IoError, ErrorKind as IoKind, Read as _};
    let file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(IoError::new(IoKind::InvalidInput, "not a regular file"));
    }
    let mut text = String::new();
    file.take(MAX_PARENT_BYTES + 1).read_to_string(&mut text)?;
    if text.len() as u64 > MAX_PARENT_BYTES {
        return Err(IoError::new(
            IoKind::InvalidData,
            format!("larger than {MAX_PARENT_BYTES} bytes"),
        ));
    }
    Ok(text)
}

/// Reads the parent file `rel` (relative to `base`) that `doc` extends at
/// `span`, refusing a cycle and a chain longer than [`MAX_EXTENDS_DEPTH`];
/// pushes it on `stack`.
pub(super) fn read_link(
    doc: &Doc<'_>,
    span: &Range<usize>,
    rel: &str,
    base: &Path,
    stack: &mut Vec<PathBuf>,
) -> Result<Link, Error> {
    let path = join_path(base, Path::new(rel));
    let hint = crate::vocab::nearest(rel, Profile::BUILTIN)
        .map(|n| format!(" (did you mean the built-in {n}?)"))
        .unwrap_or_default();
    let canonical = std::fs::canonicalize(&path).map_err(|e| {
        doc.err(
            span,
            "extends",
            format!(
                "cannot read the profile it extends, {}: {e}{hint}",
                path.display()
            ),
        )
    })?;
    if let Some(at) = stack.iter().position(|p| *p == canonical) {
        let mut names: Vec<String> = stack[at..]
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        names.push(canonical.display().to_string());
        return Err(doc.err(
            span,
            "extends",
            format!("extends cycle: {}", names.join(" → ")),
        ));
    }
    if stack.len() >= MAX_EXTENDS_DEPTH {
        return Err(doc.err(
            span,
            "extends",
            format!(
                "extends chain longer than {MAX_EXTENDS_DEPTH} files at {}",
                path.display()
            ),
        ));
    }
    let text = read_parent(&canonical).map_err(|e| {
        doc.err(
            span,
            "extends",
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    stack.push(canonical);
    Ok(Link {
        text,
        shown: path.display().to_string(),
        base: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        name: stem(&path),
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_named_by_its_stem() {
        assert_eq!(stem(Path::new("profiles/某县.toml")), "某县");
        assert_eq!(stem(Path::new("county")), "county");
        assert_eq!(stem(Path::new("")), "profile");
    }

    #[test]
    fn a_parent_is_a_regular_file_of_bounded_size() {
        let tmp = crate::testing::TempDir::new("chain");
        let dir = tmp.path();
        let at = |n: usize| {
            let p = dir.join(format!("{n}.toml"));
            std::fs::write(&p, "#".repeat(n)).unwrap();
            p
        };
        let max = MAX_PARENT_BYTES as usize;
        let (small, full, over) = (at(10), at(max), at(max + 1));
        let got = (
            read_parent(&small).map(|t| t.len()).map_err(|e| e.kind()),
            read_parent(&full).map(|t| t.len()).map_err(|e| e.kind()),
            read_parent(&over)
                .map(|t| t.len())
                .map_err(|e| e.to_string()),
            read_parent(dir).map(|t| t.len()).map_err(|e| e.to_string()),
            read_parent(&dir.join("none.toml"))
                .map(|t| t.len())
                .map_err(|e| e.kind()),
        );
        assert_eq!(got.0, Ok(10));
        assert_eq!(got.1, Ok(max), "exactly the limit is read");
        assert_eq!(got.2, Err(format!("larger than {max} bytes")));
        assert_eq!(got.3, Err("not a regular file".to_owned()));
        assert_eq!(got.4, Err(std::io::ErrorKind::NotFound));
    }
}
