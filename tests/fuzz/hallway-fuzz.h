/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "hallway-types.h"

G_BEGIN_DECLS

/* The fuzz targets of tests/fuzz, shared by the libFuzzer binaries (fuzz-main.c, built with
 * -Dfuzzing=true) and test-fuzz-regressions, which runs every input kept in
 * tests/data/fuzz/<target>/ through the same function in the normal build. A target takes
 * any bytes; it returns normally when Hallway behaved, and aborts (through
 * hallway_fuzz_check() or a CRITICAL, which hallway_fuzz_init() makes fatal) when not. */
typedef struct
{
  const char *name;
  const char *what;
  void (*run) (const guint8 *data, gsize size);
} HallwayFuzzTarget;

extern const HallwayFuzzTarget hallway_fuzz_targets[];
extern const guint hallway_fuzz_n_targets;

const HallwayFuzzTarget *hallway_fuzz_lookup (const char *name);

/* Once per process, before anything asks GLib for the user folders: points XDG_DATA_HOME,
 * XDG_CACHE_HOME, XDG_STATE_HOME and XDG_CONFIG_HOME at a scratch folder (unless
 * keep_user_dirs: a g_test with G_TEST_OPTION_ISOLATE_DIRS has done so), makes CRITICALs
 * fatal and keeps the readers' debug and warning chatter out of the fuzzer's output. */
void   hallway_fuzz_init           (gboolean keep_user_dirs);
/* A scratch folder of this process, emptied by hallway_fuzz_reset_scratch(). */
GFile *hallway_fuzz_scratch_folder (void);
void   hallway_fuzz_reset_scratch  (void);
void   hallway_fuzz_remove_tree    (GFile        *file);
GFile *hallway_fuzz_write_scratch  (const char   *name,
                                    const guint8 *data,
                                    gsize         size);

/* Prints what broke and aborts: libFuzzer then keeps the input as a crash. */
#define hallway_fuzz_check(condition, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(condition))) \
      hallway_fuzz_fail (__FILE__, __LINE__, #condition, __VA_ARGS__); \
  } G_STMT_END

G_NORETURN void hallway_fuzz_fail (const char *file,
                                   int         line,
                                   const char *condition,
                                   const char *format,
                                   ...) G_GNUC_PRINTF (4, 5);

/* The targets. */
void hallway_fuzz_schedule_xml   (const guint8 *data, gsize size);
void hallway_fuzz_schedule_json  (const guint8 *data, gsize size);
void hallway_fuzz_schedule_ical  (const guint8 *data, gsize size);
void hallway_fuzz_sanitizer      (const guint8 *data, gsize size);
void hallway_fuzz_markdown       (const guint8 *data, gsize size);
void hallway_fuzz_state_files    (const guint8 *data, gsize size);
void hallway_fuzz_ics_writer     (const guint8 *data, gsize size);
void hallway_fuzz_snapshot       (const guint8 *data, gsize size);

/* Checks shared by the targets. */
void hallway_fuzz_check_conference (HallwayConference *conference);
void hallway_fuzz_check_sanitized  (const char *html,
                                    const char *source_name);

G_END_DECLS
