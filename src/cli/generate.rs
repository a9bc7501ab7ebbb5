//! Shell completions and man pages, generated from the clap definitions: `klog completions
//! SHELL` prints one script; the hidden `klog generate --out DIR` writes `DIR/man/*.1` and
//! `DIR/completions/*`, which are committed and checked by a test.

use super::{Cli, EXIT_OK};
use crate::error::{Error, Result};
use clap::CommandFactory;
use clap_complete::Shell;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell.
    pub shell: Shell,
}

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// Directory to write man/ and completions/ into.
    #[arg(long, default_value = ".")]
    pub out: PathBuf,
}

pub fn completions(a: CompletionsArgs) -> Result<i32> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "klog", &mut buf);
    super::out(&String::from_utf8_lossy(&buf))?;
    Ok(EXIT_OK)
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| Error::io("write", path, e))
}

fn man_pages(cmd: &clap::Command, prefix: &str, dir: &Path) -> Result<()> {
    let name = if prefix.is_empty() { cmd.get_name().to_string() } else { format!("{}-{}", prefix, cmd.get_name()) };
    let page = cmd.clone().name(name.clone());
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf).map_err(Error::Stream)?;
    write(&dir.join(format!("{}.1", name)), &buf)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        man_pages(sub, &name, dir)?;
    }
    Ok(())
}

/// Writes every man page and completion script under `out`.
pub fn generate_into(out: &Path) -> Result<()> {
    let man = out.join("man");
    let comp = out.join("completions");
    for d in [&man, &comp] {
        std::fs::create_dir_all(d).map_err(|e| Error::io("create directory", d, e))?;
    }
    let mut cmd = Cli::command();
    cmd.build();
    man_pages(&cmd, "", &man)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Elvish, Shell::PowerShell] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "klog", &mut buf);
        let name = match shell {
            Shell::Bash => "klog.bash".to_string(),
            Shell::Zsh => "_klog".to_string(),
            Shell::Fish => "klog.fish".to_string(),
            Shell::Elvish => "klog.elv".to_string(),
            _ => "_klog.ps1".to_string(),
        };
        write(&comp.join(name), &buf)?;
    }
    Ok(())
}

pub fn generate(a: GenerateArgs) -> Result<i32> {
    generate_into(&a.out)?;
    Ok(EXIT_OK)
}
