/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words for the raw values schedules give a talk, in the user's language. */

/* "en" → "English", "pt-BR" → "Portuguese (Brazil)", "de, en" → "German, English": ISO 639
 * codes (two or three letters, an optional region) named through iso-codes' JSON and its
 * "iso_639-2" / "iso_3166-1" translations. A value that is not a code ("English", "xx")
 * stays as given, as does everything when iso-codes is not installed. NULL for NULL or "". */
char *hallway_language_dup_names (const char *codes);

/* A talk's type as a word in the user's language: the types schedules share by any spelling
 * ("lightning_talk", "Lightning Talk" → "Lightning Talk"; "lecture" → "Talk"), any other
 * one as given with a capital ("échange" → "Échange"). NULL for NULL or "". */
char *hallway_language_dup_type_word (const char *type);

G_END_DECLS
