/*
 * scenarios.h - finds the scenario library on disk (`loopscope` with no file opens its first).
 *
 * Not for: reading or listing scenario metadata (the `#|` lines); that is the engine's.
 */
#ifndef LS_SCENARIOS_H
#define LS_SCENARIOS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Writes the path of the library's first scenario (by byte order of file name) into
 * `path`. The library is `../scenarios` next to the executable's directory, else
 * `scenarios/` in the working directory. On failure writes a one-line reason into `error`.
 */
bool scenarios_first(char *path, size_t path_size, char *error, size_t error_size);

#endif
