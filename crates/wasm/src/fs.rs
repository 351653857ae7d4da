//! The in-memory file system behind `open()`, `import` and the JS `FS` object: a flat map from
//! normalised absolute paths to files and directories (POSIX semantics, cwd `/`).

use std::collections::BTreeMap;

/// An errno: no such file or directory.
pub const ENOENT: i32 = 2;
/// An errno: file exists.
pub const EEXIST: i32 = 17;
/// An errno: not a directory.
pub const ENOTDIR: i32 = 20;
/// An errno: is a directory.
pub const EISDIR: i32 = 21;
/// An errno: invalid argument.
pub const EINVAL: i32 = 22;
/// An errno: directory not empty.
pub const ENOTEMPTY: i32 = 39;

/// One file system entry.
#[derive(Clone, Debug)]
pub enum Node {
    /// A regular file and its modification time (ms since the epoch).
    File(Vec<u8>, f64),
    /// A directory.
    Dir,
}

/// The file system: normalised absolute path -> entry ("/" always exists).
#[derive(Debug)]
pub struct MemFs {
    nodes: BTreeMap<String, Node>,
}

impl Default for MemFs {
    fn default() -> Self {
        let mut nodes = BTreeMap::new();
        nodes.insert(String::from("/"), Node::Dir);
        MemFs { nodes }
    }
}

/// POSIX `path.resolve` against the cwd `/`: an absolute path without `.`, `..`, empty parts or
/// a trailing slash.
pub fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut out = String::with_capacity(path.len() + 1);
    for p in &parts {
        out.push('/');
        out.push_str(p);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}

/// The parent directory of a normalised path (`/` for `/`).
pub fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &path[..i],
    }
}

fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

impl MemFs {
    /// The entry at a path.
    pub fn get(&self, path: &str) -> Option<&Node> {
        self.nodes.get(&normalize(path))
    }

    fn parent_is_dir(&self, p: &str) -> Result<(), i32> {
        match self.nodes.get(parent(p)) {
            Some(Node::Dir) => Ok(()),
            Some(Node::File(..)) => Err(ENOTDIR),
            None => Err(ENOENT),
        }
    }

    /// Read a whole file.
    pub fn read(&self, path: &str) -> Result<Vec<u8>, i32> {
        match self.get(path) {
            Some(Node::File(d, _)) => Ok(d.clone()),
            Some(Node::Dir) => Err(EISDIR),
            None => Err(ENOENT),
        }
    }

    /// Create or replace a file (its directory must exist).
    pub fn write(&mut self, path: &str, data: Vec<u8>) -> Result<(), i32> {
        let p = normalize(path);
        self.parent_is_dir(&p)?;
        if let Some(Node::Dir) = self.nodes.get(&p) {
            return Err(EISDIR);
        }
        self.nodes.insert(p, Node::File(data, now_ms()));
        Ok(())
    }

    /// Append to a file (creating it).
    pub fn append(&mut self, path: &str, data: &[u8]) -> Result<(), i32> {
        let p = normalize(path);
        match self.nodes.get_mut(&p) {
            Some(Node::File(d, t)) => {
                d.extend_from_slice(data);
                *t = now_ms();
                Ok(())
            }
            Some(Node::Dir) => Err(EISDIR),
            None => self.write(&p, data.to_vec()),
        }
    }

    /// Make one directory (its parent must exist).
    pub fn mkdir(&mut self, path: &str) -> Result<(), i32> {
        let p = normalize(path);
        if self.nodes.contains_key(&p) {
            return Err(EEXIST);
        }
        self.parent_is_dir(&p)?;
        self.nodes.insert(p, Node::Dir);
        Ok(())
    }

    /// Make a directory and its missing parents (no error when it exists).
    pub fn mkdir_tree(&mut self, path: &str) -> Result<(), i32> {
        let p = normalize(path);
        let mut cur = String::new();
        for part in p.split('/').filter(|s| !s.is_empty()) {
            cur.push('/');
            cur.push_str(part);
            match self.nodes.get(&cur) {
                Some(Node::Dir) => {}
                Some(Node::File(..)) => return Err(ENOTDIR),
                None => {
                    self.nodes.insert(cur.clone(), Node::Dir);
                }
            }
        }
        Ok(())
    }

    /// Names in a directory (sorted).
    pub fn list(&self, path: &str) -> Result<Vec<String>, i32> {
        let p = normalize(path);
        match self.nodes.get(&p) {
            Some(Node::Dir) => {}
            Some(Node::File(..)) => return Err(ENOTDIR),
            None => return Err(ENOENT),
        }
        let prefix = if p == "/" {
            p.clone()
        } else {
            format!("{}/", p)
        };
        Ok(self
            .nodes
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .filter_map(|(k, _)| {
                let rest = &k[prefix.len()..];
                (!rest.is_empty() && !rest.contains('/')).then(|| rest.to_string())
            })
            .collect())
    }

    /// Remove a file.
    pub fn unlink(&mut self, path: &str) -> Result<(), i32> {
        let p = normalize(path);
        match self.nodes.get(&p) {
            Some(Node::File(..)) => {
                self.nodes.remove(&p);
                Ok(())
            }
            Some(Node::Dir) => Err(EISDIR),
            None => Err(ENOENT),
        }
    }

    /// Remove an empty directory.
    pub fn rmdir(&mut self, path: &str) -> Result<(), i32> {
        let p = normalize(path);
        match self.nodes.get(&p) {
            Some(Node::Dir) if p != "/" => {
                if !self.list(&p)?.is_empty() {
                    return Err(ENOTEMPTY);
                }
                self.nodes.remove(&p);
                Ok(())
            }
            Some(Node::Dir) => Err(EINVAL),
            Some(Node::File(..)) => Err(ENOTDIR),
            None => Err(ENOENT),
        }
    }

    /// Rename a file or a directory (with everything under it).
    pub fn rename(&mut self, from: &str, to: &str) -> Result<(), i32> {
        let f = normalize(from);
        let t = normalize(to);
        if !self.nodes.contains_key(&f) {
            return Err(ENOENT);
        }
        if f == "/" || t.starts_with(&format!("{}/", f)) {
            return Err(EINVAL);
        }
        self.parent_is_dir(&t)?;
        let prefix = format!("{}/", f);
        let moved: Vec<String> = self
            .nodes
            .keys()
            .filter(|k| **k == f || k.starts_with(&prefix))
            .cloned()
            .collect();
        for k in moved {
            if let Some(n) = self.nodes.remove(&k) {
                let nk = format!("{}{}", t, &k[f.len()..]);
                self.nodes.insert(nk, n);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalise() {
        assert_eq!(normalize("./a//b/../c/"), "/a/c");
        assert_eq!(normalize(""), "/");
        assert_eq!(parent("/a/b"), "/a");
        assert_eq!(parent("/a"), "/");
    }

    #[test]
    fn files_and_dirs() {
        let mut fs = MemFs::default();
        assert_eq!(fs.write("/x/y", vec![1]), Err(ENOENT));
        fs.mkdir_tree("/x/z").unwrap();
        fs.mkdir_tree("/x/z").unwrap();
        fs.write("x/y", vec![1, 2]).unwrap();
        assert_eq!(fs.read("/x/y").unwrap(), vec![1, 2]);
        assert_eq!(fs.list("/x").unwrap(), vec!["y", "z"]);
        assert_eq!(fs.list("/").unwrap(), vec!["x"]);
        assert_eq!(fs.rmdir("/x"), Err(ENOTEMPTY));
        fs.rename("/x", "/w").unwrap();
        assert_eq!(fs.read("/w/y").unwrap(), vec![1, 2]);
        fs.unlink("/w/y").unwrap();
        fs.rmdir("/w/z").unwrap();
        assert_eq!(fs.mkdir("/w"), Err(EEXIST));
    }
}
