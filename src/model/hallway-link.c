/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-link"

#include <string.h>

#include "hallway-link.h"

/* A link of a talk: label, URL and what it leads to, so the talk page can group them. */
struct _HallwayLink
{
  GObject parent_instance;
  char *label;
  char *url;
  HallwayLinkKind kind;
};

G_DEFINE_FINAL_TYPE (HallwayLink, hallway_link, G_TYPE_OBJECT)

static void
hallway_link_finalize (GObject *object)
{
  HallwayLink *self = HALLWAY_LINK (object);

  g_free (self->label);
  g_free (self->url);
  G_OBJECT_CLASS (hallway_link_parent_class)->finalize (object);
}

static void
hallway_link_class_init (HallwayLinkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hallway_link_finalize;
}

static void
hallway_link_init (HallwayLink *self)
{
}

HallwayLink *
hallway_link_new (const char *label, const char *url, HallwayLinkKind kind)
{
  HallwayLink *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (HALLWAY_TYPE_LINK, NULL);
  self->label = g_strdup (label != NULL && *label != '\0' ? label : url);
  self->url = g_strdup (url);
  self->kind = kind;
  return self;
}

/* The words and well-known hosts that say what a link leads to, matched case-insensitively
 * anywhere in its label or URL. Each text is walked once and only the needles that start
 * with the letter at hand are compared: a schedule has thousands of links, and fifteen
 * strcasestr () calls for each showed in the profile of `hallway --dump` (issue 13). */
typedef struct
{
  const char *needle;
  gsize length;
  HallwayLinkKind kind;
} KindNeedle;

#define NEEDLE(text, kind) { text, sizeof text - 1, HALLWAY_LINK_##kind }

static const KindNeedle kind_needles[] = {
  NEEDLE ("video", VIDEO),      NEEDLE ("recording", VIDEO), NEEDLE ("media.ccc.de", VIDEO),
  NEEDLE (".webm", VIDEO),      NEEDLE (".mp4", VIDEO),      NEEDLE ("live", STREAM),
  NEEDLE ("stream", STREAM),    NEEDLE ("chat", CHAT),       NEEDLE ("matrix", CHAT),
  NEEDLE ("irc", CHAT),         NEEDLE ("slide", SLIDES),    NEEDLE (".pdf", SLIDES),
  NEEDLE ("presentation", SLIDES), NEEDLE ("feedback", FEEDBACK), NEEDLE ("submit", FEEDBACK),
};

/* For each byte, the needles that start with it in either case: one bit an index into
 * kind_needles. A character of the text is then compared with its one to three needles, not
 * all fifteen; the set bits are visited, not every index up to the highest (the walk was a
 * sixth of reading a schedule with its links, issue 13). */
static guint16 needles_by_first[256];

G_STATIC_ASSERT (G_N_ELEMENTS (kind_needles) <= 16);

static void
index_needles (void)
{
  static gsize indexed = 0;

  if (!g_once_init_enter (&indexed))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (kind_needles); i++)
    {
      char first = kind_needles[i].needle[0];

      needles_by_first[(guchar) first] |= 1u << i;
      needles_by_first[(guchar) g_ascii_toupper (first)] |= 1u << i;
    }
  g_once_init_leave (&indexed, 1);
}

/* g_ascii_tolower () without a call a character. */
static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Whether text starts with the needle, its first character already matched. Inline: most
 * candidates stop at the second character, and a call a candidate showed in the profile. */
static inline gboolean
matches_from_second (const char *text, const KindNeedle *needle)
{
  for (gsize i = 1; i < needle->length; i++)
    if (ascii_lower (text[i]) != needle->needle[i])
      return FALSE;
  return TRUE;
}

/* Adds to `found` (one bit a kind) the kinds whose needles occur in `text`. */
static guint
find_kinds (const char *text, guint found)
{
  if (text == NULL)
    return found;
  index_needles ();
  for (const char *p = text; *p != '\0'; p++)
    {
      guint candidates = needles_by_first[(guchar) *p];

      while (candidates != 0)
        {
          const KindNeedle *needle = &kind_needles[__builtin_ctz (candidates)];

          candidates &= candidates - 1;
          if (matches_from_second (p, needle))
            found |= 1u << needle->kind;
        }
    }
  return found;
}

/* Schedules label links freely ("Video recording (WebM/VP9)", "Slides", "Chat room(web)"):
 * classify by words in the label and well-known hosts in the URL, case-insensitively. When
 * several kinds are named, feedback wins over chat, chat over stream, stream over video and
 * video over slides ("Live stream chat" is a chat). */
HallwayLinkKind
hallway_link_guess_kind (const char *label, const char *url)
{
  static const HallwayLinkKind by_priority[] = {
    HALLWAY_LINK_FEEDBACK, HALLWAY_LINK_CHAT, HALLWAY_LINK_STREAM, HALLWAY_LINK_VIDEO,
    HALLWAY_LINK_SLIDES,
  };
  guint found = find_kinds (url, find_kinds (label, 0));

  for (guint i = 0; i < G_N_ELEMENTS (by_priority); i++)
    if (found & (1u << by_priority[i]))
      return by_priority[i];
  return HALLWAY_LINK_OTHER;
}

const char *
hallway_link_get_label (HallwayLink *self)
{
  g_return_val_if_fail (HALLWAY_IS_LINK (self), NULL);
  return self->label;
}

const char *
hallway_link_get_url (HallwayLink *self)
{
  g_return_val_if_fail (HALLWAY_IS_LINK (self), NULL);
  return self->url;
}

HallwayLinkKind
hallway_link_get_kind (HallwayLink *self)
{
  g_return_val_if_fail (HALLWAY_IS_LINK (self), HALLWAY_LINK_OTHER);
  return self->kind;
}

/* Whether the link is a video file or playlist that a media player plays (FOSDEM's
 * recordings: .webm and .mp4 on video.fosdem.org), not a web page about one
 * (media.ccc.de). By the http(s) URL's path, query and fragment left out. */
gboolean
hallway_link_is_playable (HallwayLink *self)
{
  static const char *extensions[] = { ".webm", ".mp4", ".m4v", ".mkv", ".ogv", ".m3u8" };
  g_autoptr (GUri) uri = NULL;
  const char *path;

  g_return_val_if_fail (HALLWAY_IS_LINK (self), FALSE);

  uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
                      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    return FALSE;
  path = g_uri_get_path (uri);
  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      gsize length = strlen (path), extension = strlen (extensions[i]);

      if (length > extension &&
          g_ascii_strcasecmp (path + length - extension, extensions[i]) == 0)
        return TRUE;
    }
  return FALSE;
}
