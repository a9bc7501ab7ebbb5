//! Shell completions and man pages, generated from the clap definitions: `klog completions
//! SHELL` prints one script; the hidden `klog generate --out DIR` writes `DIR/man/*.1` and
//! `DIR/completions/*`, which are committed and checked by a test.
//!
//! The bash, zsh and fish scripts also complete the topic and group names of the data directory
//! (the one on the command line being completed, else `$KLOG_DATA_DIR`, else `./klog-data`):
//! functions added to clap's ask the hidden `klog complete-names topics|groups` for them.

use super::{out, Cli, Ctx, EXIT_OK};
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NameKind {
    /// The topics of the data directory and of its cluster (without internal ones).
    Topics,
    /// The consumer groups (also those only __consumer_offsets records).
    Groups,
}

#[derive(Debug, clap::Args)]
pub struct CompleteNamesArgs {
    /// What to list.
    #[arg(value_enum)]
    pub kind: NameKind,
}

/// Bash: topic and group names where a topic or group goes, else clap's completion (`_klog`).
const BASH_NAMES: &str = r#"
# klog: topic and group names of the data directory where a topic or a group goes.
_klog_names() {
    local dd="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            --data-dir) dd="${COMP_WORDS[i+1]}" ;;
            --data-dir=*) dd="${COMP_WORDS[i]#--data-dir=}" ;;
        esac
    done
    "${COMP_WORDS[0]}" ${dd:+--data-dir "$dd"} complete-names "$1" 2>/dev/null
}

_klog_with_names() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local cmd="" sub="" kind="" i w
    for ((i = 1; i < COMP_CWORD; i++)); do
        w="${COMP_WORDS[i]}"
        case "$w" in
            --data-dir|--meta|--lock-timeout-ms) ((i++)) ;;
            -*) ;;
            *) if [[ -z "$cmd" ]]; then cmd="$w"; elif [[ -z "$sub" ]]; then sub="$w"; fi ;;
        esac
    done
    case "$prev" in
        --topic|-t) kind=topics ;;
        --group|-G) kind=groups ;;
        -*) ;;
        *)
            if [[ "$cur" != -* ]]; then
                case "$cmd" in
                    produce|consume|offsets|verify|retention|delete-records) kind=topics ;;
                    topic) [[ "$sub" == describe || "$sub" == alter || "$sub" == delete ]] && kind=topics ;;
                    group) [[ -n "$sub" && "$sub" != list ]] && kind=groups ;;
                esac
            fi
            ;;
    esac
    if [[ -n "$kind" ]]; then
        COMPREPLY=( $(compgen -W "$(_klog_names "$kind")" -- "$cur") )
        return 0
    fi
    _klog "$@"
}

complete -F _klog_with_names -o bashdefault -o default klog
"#;

/// Fish: the same rule as bash's, as two conditional completions.
const FISH_NAMES: &str = r#"
# klog: topic and group names of the data directory where a topic or a group goes.
function __klog_names
    set -l tokens (commandline -opc)
    set -l dd
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case --data-dir
                set i (math $i + 1)
                set dd --data-dir $tokens[$i]
            case '--data-dir=*'
                set dd --data-dir (string replace -- --data-dir= '' $tokens[$i])
        end
        set i (math $i + 1)
    end
    command $tokens[1] $dd complete-names $argv 2>/dev/null
end
function __klog_wants_names
    set -l tokens (commandline -opc)
    set -l cur (commandline -ct)
    switch $tokens[-1]
        case --topic -t
            echo topics
            return
        case --group -G
            echo groups
            return
        case '-*'
            return
    end
    string match -q -- '-*' $cur; and return
    set -l cmd
    set -l sub
    set -l skip 0
    for w in $tokens[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $w
            case --data-dir --meta --lock-timeout-ms
                set skip 1
            case '-*'
            case '*'
                if test -z "$cmd"
                    set cmd $w
                else if test -z "$sub"
                    set sub $w
                end
        end
    end
    switch $cmd
        case produce consume offsets verify retention delete-records
            echo topics
        case topic
            contains -- "$sub" describe alter delete; and echo topics
        case group
            test -n "$sub"; and test "$sub" != list; and echo groups
    end
end
complete -c klog -f -n 'test "$(__klog_wants_names)" = topics' -a '(__klog_names topics)'
complete -c klog -f -n 'test "$(__klog_wants_names)" = groups' -a '(__klog_names groups)'
complete -c klog -s t -l topic -x -a '(__klog_names topics)'
complete -c klog -s G -l group -x -a '(__klog_names groups)'
"#;

/// Zsh: functions that list the names, for the arguments that take a topic or a group.
const ZSH_NAMES: &str = r#"(( $+functions[_klog_names] )) ||
_klog_names() {
    local i
    local -a line dd names
    line=(${(z)BUFFER})
    for ((i = 2; i <= ${#line}; i++)); do
        case "${line[i]}" in
            --data-dir) dd=(--data-dir "${line[i+1]}") ;;
            --data-dir=*) dd=(--data-dir "${line[i]#--data-dir=}") ;;
        esac
    done
    names=(${(f)"$(${line[1]:-klog} $dd complete-names "$1" 2>/dev/null)"})
    compadd -a names
}
(( $+functions[_klog_topics] )) ||
_klog_topics() {
    _klog_names topics
}
(( $+functions[_klog_groups] )) ||
_klog_groups() {
    _klog_names groups
}

"#;

/// Clap's zsh script with topic and group arguments completed by [`ZSH_NAMES`]' functions.
fn zsh_with_names(script: &str) -> String {
    let mut out = String::with_capacity(script.len() + ZSH_NAMES.len());
    for line in script.split_inclusive('\n') {
        let topic = line.contains(":TOPIC:_default'")
            || ["::topic_pos --", "::topics --", "::topic --", "::names --", "::name_pos -- The topic"]
                .iter()
                .any(|p| line.contains(p));
        let group = line.contains(":GROUP:_default'") || line.contains("::group_pos --");
        if line.starts_with("if [ \"$funcstack[1]\" = \"_klog\" ]") {
            out.push_str(ZSH_NAMES);
        }
        match (topic, group) {
            (true, _) => out.push_str(&line.replace(":_default'", ":_klog_topics'")),
            (_, true) => out.push_str(&line.replace(":_default'", ":_klog_groups'")),
            _ => out.push_str(line),
        }
    }
    out
}

/// The completion script for `shell`.
fn script(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "klog", &mut buf);
    match shell {
        Shell::Bash => buf.extend_from_slice(BASH_NAMES.as_bytes()),
        Shell::Fish => buf.extend_from_slice(FISH_NAMES.as_bytes()),
        Shell::Zsh => buf = zsh_with_names(&String::from_utf8_lossy(&buf)).into_bytes(),
        _ => {}
    }
    buf
}

pub fn completions(a: CompletionsArgs) -> Result<i32> {
    super::out(&String::from_utf8_lossy(&script(a.shell)))?;
    Ok(EXIT_OK)
}

/// `klog complete-names KIND`: one name a line, for the completion scripts.
pub fn complete_names(ctx: &Ctx, a: CompleteNamesArgs) -> Result<i32> {
    let mut names = std::collections::BTreeSet::new();
    match a.kind {
        // Internal topics (__consumer_offsets, ...) are left out: nobody types them at a prompt.
        NameKind::Topics => {
            if let Ok(dd) = ctx.loc.open() {
                names.extend(dd.topics()?.into_iter().map(|t| t.name).filter(|n| !n.starts_with("__")));
            }
            if let Some(store) = ctx.loc.store()? {
                names.extend(store.load()?.topics.into_keys().filter(|n| !n.starts_with("__")));
            }
        }
        NameKind::Groups => {
            for home in crate::app::catalog::Catalog::open(&ctx.loc)?.group_homes()? {
                names.extend(crate::group::list_groups(&home)?);
                names.extend(crate::group::offsets::logged_groups(&home, None)?.into_keys());
            }
        }
    }
    out(&names.into_iter().map(|n| n + "\n").collect::<String>())?;
    Ok(EXIT_OK)
}

// `klog generate` is a maintainers' tool whose whole job is writing files; it keeps its writes.
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
        // Writing its output tree is what this maintainers' tool is for (see `write`).
        std::fs::create_dir_all(d).map_err(|e| Error::io("create directory", d, e))?;
    }
    let mut cmd = Cli::command();
    cmd.build();
    man_pages(&cmd, "", &man)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Elvish, Shell::PowerShell] {
        let buf = script(shell);
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
