/*
 * scenarios.c - locates the scenario library and its first file (see scenarios.h).
 *
 * Linux only for now: the executable's directory comes from /proc/self/exe.
 */
#include "scenarios.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A scenario is a visible `*.py` file. */
static bool is_scenario_name(const char *name) {
    size_t n = strlen(name);
    return name[0] != '.' && n > 3 && strcmp(name + n - 3, ".py") == 0;
}

/* Writes the first scenario name in `dir` (byte order) into `name`; false if none. */
static bool first_scenario_in(const char *dir, char name[NAME_MAX + 1]) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        return false;
    }
    bool found = false;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        const char *candidate = entry->d_name;
        if (is_scenario_name(candidate) && (!found || strcmp(candidate, name) < 0)) {
            snprintf(name, NAME_MAX + 1, "%s", candidate);
            found = true;
        }
    }
    closedir(d);
    return found;
}

/* Resolves `<directory of this executable>/../scenarios` into `dir`; false if it is absent. */
static bool library_next_to_executable(char dir[PATH_MAX]) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        return false;
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL) {
        return false;
    }
    *slash = '\0';
    char joined[PATH_MAX + 16];
    snprintf(joined, sizeof joined, "%s/../scenarios", exe);
    return realpath(joined, dir) != NULL;
}

bool scenarios_first(char *path, size_t path_size, char *error, size_t error_size) {
    char next_to_exe[PATH_MAX], in_cwd[PATH_MAX], name[NAME_MAX + 1];
    bool have_exe = library_next_to_executable(next_to_exe);
    bool same =
        have_exe && realpath("scenarios", in_cwd) != NULL && strcmp(next_to_exe, in_cwd) == 0;
    /* The executable's library first; shown as "scenarios/..." when that is the same. */
    const char *libraries[2] = {have_exe && !same ? next_to_exe : "scenarios", "scenarios"};
    for (int i = 0; i < 2; i++) {
        if (first_scenario_in(libraries[i], name)) {
            snprintf(path, path_size, "%s/%s", libraries[i], name);
            return true;
        }
    }
    snprintf(error, error_size, "no scenarios found in '%s' or 'scenarios/'",
             have_exe ? next_to_exe : "../scenarios next to the executable");
    return false;
}
