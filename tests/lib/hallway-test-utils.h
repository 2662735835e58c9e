/* SPDX-License-Identifier: EUPL-1.2 */
/* The test library (tests/lib, the static library hallway-test every test program links):
 * time limits, the schedules a test reads, lookups in a conference and assertions on its
 * talks, state files set aside, waiting for an async result. */
#pragma once

#include <gio/gio.h>

#include "hallway-conference.h"
#include "hallway-link.h"
#include "hallway-person.h"
#include "hallway-schedule-reader.h"
#include "hallway-talk.h"
#include "hallway-track.h"

G_BEGIN_DECLS

/* ---- start ---------------------------------------------------------------------------- */

typedef enum
{
  HALLWAY_TEST_DEFAULT      = 0,
  /* G_TEST_OPTION_ISOLATE_DIRS: a throwaway XDG home for each test. */
  HALLWAY_TEST_ISOLATE_DIRS = 1 << 0,
  /* LANGUAGE=C and the C.UTF-8 locale: English texts, whatever the machine's language. */
  HALLWAY_TEST_ENGLISH      = 1 << 1,
  /* GIO_USE_PROXY_RESOLVER=dummy: the isolated XDG dirs hide the system GSettings schemas
   * that glib-networking's GNOME proxy resolver needs, and loopback tests want no proxy
   * anyway. A session still uses whatever g_proxy_resolver_get_default() is. */
  HALLWAY_TEST_NO_PROXY     = 1 << 2,
} HallwayTestFlags;

/* g_test_init () after what the flags ask for. */
void hallway_test_init (int              *argc,
                        char           ***argv,
                        HallwayTestFlags  flags);

/* ---- time limits ----------------------------------------------------------------------- */

/* How many times slower than the normal build this one runs: HALLWAY_TEST_TIME_SCALE, which
 * `build-aux/dev test --sanitize` sets for the ASan and UBSan build; 1 when unset. */
double hallway_test_time_scale (void);
/* A time limit meant for the normal build, scaled for the build the test runs in. */
double hallway_test_seconds    (double seconds);
/* The CPU time this process has used, in seconds. Limits that catch runaway work (quadratic
 * parsing, reading what should be refused) compare it, not the wall clock: other processes
 * on a loaded machine do not count against it. */
double hallway_test_cpu_seconds (void);

/* ---- schedules ------------------------------------------------------------------------- */

/* The folder of real schedules (../shared/schedules), from HALLWAY_SCHEDULES. Tests that
 * need it call g_test_skip() and return when it is absent, and only then. Use it for what
 * is about real-world files; a test that only needs some talks reads the demo conference. */
char              *hallway_test_schedule_path       (const char *name);
/* Reads a real schedule by name; NULL (test skipped) without the shared folder. */
HallwayConference *hallway_test_read_schedule       (const char *name);
/* Its bytes; NULL (test skipped) without the shared folder. */
GBytes            *hallway_test_read_schedule_bytes (const char *name);

/* The demo conference bundled with Hallway (data/hallway-demo-conference.xml, from
 * HALLWAY_DEMO_CONFERENCE): seven talks on two days in three tracks, always there. */
char              *hallway_test_demo_path           (void);
HallwayConference *hallway_test_read_demo           (void);
GBytes            *hallway_test_read_demo_bytes     (void);

/* A Pentabarf schedule written by the test: n_talks talks of 15 minutes one after the other
 * from 2027-02-06T09:00 (Brussels) in four rooms, guids "<guid_prefix>-0000", …, each with a
 * paragraph of abstract (about 1.2 KiB a talk; gzip packs it to a few percent). */
GBytes            *hallway_test_generate_schedule   (const char *title,
                                                     const char *guid_prefix,
                                                     guint       n_talks);

/* A fixture of ours from tests/data. */
HallwayConference *hallway_test_read_fixture        (const char *name,
                                                     GError    **error);
/* …asserted to read without an error. */
HallwayConference *hallway_test_read_fixture_ok     (const char *name);
GBytes            *hallway_test_read_fixture_bytes  (const char *name);

/* A whole file, asserted to be readable. */
GBytes            *hallway_test_read_bytes          (const char *path);
/* Writes text (length -1: up to its NUL) at path, creating the folders above it. */
void               hallway_test_write_text          (const char *path,
                                                     const char *text,
                                                     gssize      length);

/* ---- lookups in a conference ----------------------------------------------------------- */

guint          hallway_test_n_talks        (HallwayConference *conference);
/* The talk at the given key, asserted to exist. */
HallwayTalk   *hallway_test_talk           (HallwayConference *conference,
                                            const char        *key);
/* The first talk with this title, asserted to exist; the conference keeps it alive. */
HallwayTalk   *hallway_test_find_by_title  (HallwayConference *conference,
                                            const char        *title);
/* The track with this name; NULL when there is none. */
HallwayTrack  *hallway_test_lookup_track   (HallwayConference *conference,
                                            const char        *name);
/* The track with this name, asserted to exist. */
HallwayTrack  *hallway_test_find_track     (HallwayConference *conference,
                                            const char        *name);
/* The person with this id, asserted to exist. */
HallwayPerson *hallway_test_find_person    (HallwayConference *conference,
                                            const char        *id);
/* The talk's link to url; NULL when it has none. */
HallwayLink   *hallway_test_find_link      (HallwayTalk       *talk,
                                            const char        *url);

/* ---- assertions on talks --------------------------------------------------------------- */

/* One talk as a test expects it, the values looked up in the file by hand. */
typedef struct
{
  const char *key;
  const char *title;
  const char *start;      /* "%FT%T%:z" */
  const char *end;
  const char *room;
  const char *track;
  const char *speakers;   /* as hallway_talk_dup_speakers() joins them */
} HallwayExpectedTalk;

char        *hallway_test_format_time   (GDateTime                 *time);
/* Title, start, end, room, track and speakers as expected. */
HallwayTalk *hallway_test_assert_talk   (HallwayConference         *conference,
                                         const HallwayExpectedTalk *expected);
void         hallway_test_assert_talks  (HallwayConference         *conference,
                                         const HallwayExpectedTalk *expected,
                                         gsize                      n_expected);
/* The same but for the track (formats whose talks have none the test looked up). */
HallwayTalk *hallway_test_assert_talk_untracked (HallwayConference         *conference,
                                                 const HallwayExpectedTalk *expected);
/* Start and end as expected ("%FT%T%:z"). */
void         hallway_test_assert_times  (HallwayTalk               *talk,
                                         const char                *start,
                                         const char                *end);

/* ---- text and files -------------------------------------------------------------------- */

/* Fails, quoting both, unless haystack contains needle. */
void       hallway_test_assert_contains  (const char         *haystack,
                                          const char         *needle);
/* Nothing but these names in the folder (a NULL-terminated list). */
void       hallway_test_assert_only_files (const char        *folder,
                                           const char * const *names);
/* The copies of a damaged state file set aside beside it ("<path>.corrupt-<time>[-N]"),
 * sorted; an empty array when there are none. */
GPtrArray *hallway_test_list_set_aside   (const char         *path);
/* The one copy of a damaged state file set aside beside it; fails unless there is exactly
 * one. */
char      *hallway_test_find_set_aside   (const char         *path);
/* A sparse file: as large as asked, without the disk space. FALSE when the file system
 * refuses. */
gboolean   hallway_test_make_sparse_file (const char         *path,
                                          goffset             size);
/* Deletes a folder and everything below it (symbolic links, not what they point to). */
void       hallway_test_remove_tree      (const char         *path);

/* ---- waiting on the test's main context ------------------------------------------------ */

/* A GAsyncReadyCallback that keeps a reference to the result in *(GAsyncResult **) user_data. */
void          hallway_test_store_result_cb (GObject       *source,
                                            GAsyncResult  *result,
                                            gpointer       user_data);
/* Iterates the thread-default main context until *slot is set; returns it. */
GAsyncResult *hallway_test_wait            (GAsyncResult **slot);
/* Iterates the thread-default main context for milliseconds: long enough for widgets to be
 * laid out and drawn, or replaced ones disposed. */
void          hallway_test_run_main_loop   (guint          milliseconds);
/* Cancels cancellable from the main loop in milliseconds (it must live that long). */
void          hallway_test_cancel_later    (GCancellable  *cancellable,
                                            guint          milliseconds);

G_END_DECLS
