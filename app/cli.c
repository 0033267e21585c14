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

#include "i18n.h"
#include "loopscope.h"
#include "theme.h"

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

/* --steps A-B, A-, or A: a range of steps (inclusive). */
static bool parse_range(const char *text, CliOptions *opts) {
    char *end;
    if (*text < '0' || *text > '9') {
        return false;
    }
    errno = 0;
    unsigned long long a = strtoull(text, &end, 10), b = a;
    if (*end == '-') {
        const char *rest = end + 1;
        if (*rest == '\0') {
            b = SIZE_MAX;
        } else if (*rest < '0' || *rest > '9' || (b = strtoull(rest, &end, 10), *end != '\0')) {
            return false;
        }
    } else if (*end != '\0') {
        return false;
    }
    opts->has_steps = true;
    opts->first_step = (size_t)a;
    opts->last_step = (size_t)b;
    return errno == 0 && a <= b;
}

/* --size WxH, each between 320 and 7680. */
static bool parse_size(const char *text, CliOptions *opts) {
    char *end;
    long w = strtol(text, &end, 10);
    if (end == text || (*end != 'x' && *end != 'X')) {
        return false;
    }
    const char *rest = end + 1;
    long h = strtol(rest, &end, 10);
    if (end == rest || *end != '\0' || w < 320 || h < 240 || w > 7680 || h > 4320) {
        return false;
    }
    opts->width = (int)w;
    opts->height = (int)h;
    return true;
}

/* The window's and the renderer's options: --render, --steps, --size, --lang, --theme,
   --detail, --fullscreen. Returns false when `name` is none of them (*handled = false). */
static bool parse_view_option(CliOptions *opts, Parser *p, const char *name,
                              const char *inline_value, bool *handled) {
    const char *value;
    ThemeId theme;
    Lang lang;
    *handled = true;
    if (strcmp(name, "--fullscreen") == 0) {
        return parse_flag(p, name, inline_value, &opts->fullscreen);
    }
    static const char *const WITH_VALUE[] = {"--render", "--steps", "--size",
                                             "--lang",   "--theme", "--detail"};
    bool known = false;
    for (size_t i = 0; i < sizeof WITH_VALUE / sizeof *WITH_VALUE; i++) {
        known |= strcmp(name, WITH_VALUE[i]) == 0;
    }
    if (!known) {
        *handled = false;
        return false;
    }
    if (!take_value(p, name, inline_value, &value)) {
        return false;
    }
    if (strcmp(name, "--render") == 0) {
        opts->mode = CLI_RENDER;
        opts->render_dir = value;
        return true;
    }
    if (strcmp(name, "--steps") == 0) {
        return parse_range(value, opts) ||
               fail(p, "--steps needs A-B, A- or A (step numbers), not '%s'", value);
    }
    if (strcmp(name, "--size") == 0) {
        return parse_size(value, opts) ||
               fail(p, "--size needs WIDTHxHEIGHT such as 1920x1080, not '%s'", value);
    }
    if (strcmp(name, "--lang") == 0) {
        opts->lang = value;
        return lang_parse(value, &lang) || fail(p, "--lang must be 'en' or 'zh', not '%s'", value);
    }
    if (strcmp(name, "--theme") == 0) {
        opts->theme = value;
        return theme_parse(value, &theme) ||
               fail(p, "--theme must be 'dark', 'light' or 'contrast', not '%s'", value);
    }
    opts->detail = value;
    return strcmp(value, "loop") == 0 || strcmp(value, "tasks") == 0 ||
           fail(p, "--detail must be 'loop' or 'tasks', not '%s'", value);
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
    if (strcmp(name, "--trace") == 0) {
        opts->mode = CLI_TRACE;
        return take_value(p, name, inline_value, &value) && set_file(opts, p, value);
    }
    if (strcmp(name, "--json") == 0) {
        return parse_flag(p, name, inline_value, &opts->json);
    }
    if (strcmp(name, "--max-events") == 0) {
        if (!take_value(p, name, inline_value, &value)) {
            return false;
        }
        opts->has_max_events = true;
        return parse_steps(value, &opts->max_events) ||
               fail(p, "--max-events needs a whole number of events >= 1, not '%s'", value);
    }
    bool handled;
    bool ok = parse_view_option(opts, p, name, inline_value, &handled);
    if (handled) {
        return ok;
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
    } else if (opts->mode == CLI_RENDER && opts->file == NULL) {
        return fail(&p, "%s needs a scenario: loopscope --render DIR FILE.py", "--render");
    } else if (opts->mode == CLI_TRACE && opts->file == NULL) {
        return fail(&p, "option '%s' needs an argument", "--trace");
    } else if (opts->mode != CLI_TRACE && (opts->json || opts->has_max_events)) {
        return fail(&p, "option '%s' only goes with --trace",
                    opts->json ? "--json" : "--max-events");
    }
    return true;
}

void cli_print_usage(FILE *out) {
    LsConfig defaults;
    ls_config_init(&defaults);
    fprintf(out,
            "usage: loopscope [--lang en|zh] [--theme T] [--fullscreen] [FILE.py]\n"
            "       loopscope --run FILE.py [--max-steps N]\n"
            "       loopscope --trace FILE.py [--json] [--max-events N] [--max-steps N]\n"
            "       loopscope --render DIR [--steps A-B] [--size WxH] [--lang en|zh]\n"
            "                 [--theme T] [--detail loop|tasks] FILE.py\n"
            "\n"
            "Opens FILE.py (or the first scenario of the library) in the loopscope window.\n"
            "Press ? in the window for its keys.\n"
            "\n"
            "options:\n"
            "  --run FILE.py   run without a window: print exactly what `python3 FILE.py`\n"
            "                  prints (stdout and stderr) and exit with the same status\n"
            "  --trace FILE.py print the trace of the run, one event per line\n"
            "                  (docs/TRACE.md); the program's output is in the events\n"
            "  --json          with --trace: JSON Lines instead of readable lines\n"
            "  --max-events N  with --trace: stop after N events (for endless programs)\n"
            "  --render DIR    no display needed: write the frame of each step as\n"
            "                  DIR/step-NNNNN.png\n"
            "  --steps A-B     with --render: only steps A to B (also A- and A)\n"
            "  --size WxH      with --render: frame size in pixels (default 1280x720)\n"
            "  --lang en|zh    language of the window (English or Chinese)\n"
            "  --theme T       dark (default), light, or contrast (for projectors)\n"
            "  --detail D      loop (default: ready queue, callbacks, timers) or tasks\n"
            "  --fullscreen    open the window fullscreen\n"
            "  --max-steps N   stop the program after N bytecode instructions (status 3);\n"
            "                  default %" PRIu64 "\n"
            "  --help, -h      show this help and exit\n"
            "  --version       print the version and exit\n",
            defaults.max_steps);
}
