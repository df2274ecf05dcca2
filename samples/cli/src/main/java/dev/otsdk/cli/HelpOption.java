package dev.otsdk.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} for subcommands ({@code --version} belongs to {@code otsdk} itself only). */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;
}
