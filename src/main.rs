//! The `klog` binary: one call into the CLI, which parses, dispatches and maps errors to exit
//! codes.

fn main() {
    std::process::exit(klog::cli::main());
}
