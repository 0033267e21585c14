/*
 * cli.c - parses the `loopscope` command line (UI.md, "Command line").
 *
 * Options may come in any order, as `--name VALUE` or `--name=VALUE`; `--` ends the
 * options. At most one FILE.py. Anything else is an error that main() reports in one
 * line with status 2. Not for: running anything, or checking that the file exists.
 */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "loopscope.h"

_Static_assert(sizeof(unsigned long long) == sizeof(uint64_t), "strtoull gives 64 bits");

/* Walks argv and collects the first error. */
typedef struct {
    int argc;
    char **argv;
    int index; /* the argument being looked at */
    char *error;
    size_t error_size;
    bool help;    /* --help seen: wins over everything else */
    bool version; /* --version seen */
} Parser;

static bool fail(Parser *p, const char *format, const char *what) {
    snprintf(p->error, p->error_size, format, what);
    return false;
}

/* A step budget: decimal digits only, at least 1, fits in 64 bits. */
static bool parse_steps(const char *text, uint64_t *steps) {
    if (*text < '0' || *text > '9') {
        return false;
    }
    char *end;
    errno = 0;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || value == 0) {
        return false;
    }
    *steps = (uint64_t)value;
    return true;
}

/* The value of option `name`: after '=' in the same argument, else the next argument. */
static bool take_value(Parser *p, const char *name, const char *inline_value, const char **value) {
    if (inline_value != NULL) {
        *value = inline_value;
    } else if (p->index + 1 < p->argc && strncmp(p->argv[p->index + 1], "--", 2) != 0) {
        *value = p->argv[++p->index];
    } else {
        return fail(p, "option '%s' needs an argument", name);
    }
    if (**value == '\0') {
        return fail(p, "option '%s' needs a non-empty argument", name);
    }
    return true;
}

/* Records the scenario file; a second one is an error. */
static bool set_file(CliOptions *opts, Parser *p, const char *file) {
    if (opts->file != NULL) {
        return fail(p, "unexpected argument '%s'", file);
    }
    opts->file = file;
    return true;
}

/* Options without a value: --help, -h, --version. */
static bool parse_flag(Parser *p, const char *name, const char *inline_value, bool *seen) {
    if (inline_value != NULL) {
        return fail(p, "option '%s' takes no argument", name);
    }
    *seen = true;
    return true;
}

/* One argument that starts with '-': `--name`, `--name=value`. */
static bool parse_option(CliOptions *opts, Parser *p, const char *arg) {
    char name[64];
    const char *eq = strchr(arg, '=');
    size_t name_len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
    if (name_len >= sizeof name) {
        return fail(p, "unknown option '%s'", arg);
    }
    memcpy(name, arg, name_len);
    name[name_len] = '\0';
    const char *inline_value = eq != NULL ? eq + 1 : NULL;
    const char *value;

    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        return parse_flag(p, name, inline_value, &p->help);
    }
    if (strcmp(name, "--version") == 0) {
        return parse_flag(p, name, inline_value, &p->version);
    }
    if (strcmp(name, "--run") == 0) {
        opts->mode = CLI_RUN;
        return take_value(p, name, inline_value, &value) && set_file(opts, p, value);
    }
    if (strcmp(name, "--max-steps") == 0) {
        if (!take_value(p, name, inline_value, &value)) {
            return false;
        }
        opts->has_max_steps = true;
        return parse_steps(value, &opts->max_steps) ||
               fail(p, "--max-steps needs a whole number of steps >= 1, not '%s'", value);
    }
    return fail(p, "unknown option '%s'", arg);
}

bool cli_parse(CliOptions *opts, int argc, char **argv, char *error, size_t error_size) {
    *opts = (CliOptions){.mode = CLI_WINDOW};
    Parser p = {.argc = argc, .argv = argv, .error = error, .error_size = error_size};
    bool options_done = false;
    for (p.index = 1; p.index < argc; p.index++) {
        const char *arg = argv[p.index];
        bool ok;
        if (!options_done && strcmp(arg, "--") == 0) {
            options_done = true;
            continue;
        }
        if (!options_done && arg[0] == '-' && arg[1] != '\0') {
            ok = parse_option(opts, &p, arg);
        } else {
            ok = set_file(opts, &p, arg);
        }
        if (!ok) {
            return false;
        }
    }
    if (p.help || p.version) {
        opts->mode = p.help ? CLI_HELP : CLI_VERSION;
    } else if (opts->mode == CLI_RUN && opts->file == NULL) {
        return fail(&p, "option '%s' needs an argument", "--run");
    }
    return true;
}

void cli_print_usage(FILE *out) {
    LsConfig defaults;
    ls_config_init(&defaults);
    fprintf(out,
            "usage: loopscope [--max-steps N] [FILE.py]\n"
            "       loopscope --run FILE.py [--max-steps N]\n"
            "\n"
            "Opens FILE.py (or the first scenario of the library) in the loopscope window.\n"
            "There is no window yet: for now this runs the program as --run does.\n"
            "\n"
            "options:\n"
            "  --run FILE.py   run without a window: print exactly what `python3 FILE.py`\n"
            "                  prints (stdout and stderr) and exit with the same status\n"
            "  --max-steps N   stop the program after N bytecode instructions (status 3);\n"
            "                  default %" PRIu64 "\n"
            "  --help, -h      show this help and exit\n"
            "  --version       print the version and exit\n",
            defaults.max_steps);
}
