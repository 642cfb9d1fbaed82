/*
 * main.c - the sluice command: sub-command dispatch, --help, --version.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *out)
{
    fputs("usage: sluice <command> [options] [args]\n"
          "\n"
          "commands:\n"
          "  fmt [--target databricks|postgres] [--pretty] [FILE|-]\n"
          "                        re-serialise the SQL (default: stdin)\n"
          "  parse [FILE|-]        print the AST as JSON\n"
          "  lint [--rules FILE] [--format text|json|sarif|github] [--now DATE] [--explain]\n"
          "       [--verbose] [--exclude GLOB]... [--lineage] PATH...\n"
          "                        check .sql files and folders against the rules\n"
          "                        (.sluiceignore and --exclude leave paths out)\n"
          "  rewrite --rules FILE [--context JSON] [--now DATE] [--explain]\n"
          "          [--layout keep|compact|pretty] [FILE|-]\n"
          "                        print the SQL to run, or the rejection (exit 1)\n"
          "  lineage [--rules FILE] [--context JSON] [FILE|-]\n"
          "                        the tables and columns each statement reads, as JSON\n"
          "  advise --rules FILE [--max N] [--format text|json|sql] [--coverage]\n"
          "         [--now DATE] [--exclude GLOB]... PATH...\n"
          "                        which aggregate tables to build for these queries\n"
          "                        (--coverage: what the declared ones answer)\n"
          "  corpus [--bless] [--rules FILE] [DIR]\n"
          "                        run the regression corpus (default: corpus)\n"
          "\n"
          "options:\n"
          "  -h, --help            show this help\n"
          "  --version             show the version\n"
          "\n"
          "exit status: 0 success, 1 findings or syntax errors, 2 usage or I/O error\n",
          out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("sluice %s\n", sl_version());
        return EXIT_OK;
    }
    if (strcmp(cmd, "fmt") == 0)
        return cmd_fmt(argc - 1, argv + 1);
    if (strcmp(cmd, "parse") == 0)
        return cmd_parse(argc - 1, argv + 1);
    if (strcmp(cmd, "corpus") == 0)
        return cmd_corpus(argc - 1, argv + 1);
    if (strcmp(cmd, "lint") == 0)
        return cmd_lint(argc - 1, argv + 1);
    if (strcmp(cmd, "rewrite") == 0)
        return cmd_rewrite(argc - 1, argv + 1);
    if (strcmp(cmd, "lineage") == 0)
        return cmd_lineage(argc - 1, argv + 1);
    if (strcmp(cmd, "advise") == 0)
        return cmd_advise(argc - 1, argv + 1);
    fprintf(stderr, "sluice: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
