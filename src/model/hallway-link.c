/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-link"

#define _GNU_SOURCE  /* strcasestr */
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

static gboolean
contains_any (const char *text, const char * const *needles)
{
  for (guint i = 0; needles[i] != NULL; i++)
    if (text != NULL && strcasestr (text, needles[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
mentions_any (const char *label, const char *url, const char * const *needles)
{
  return contains_any (label, needles) || contains_any (url, needles);
}

/* Schedules label links freely ("Video recording (WebM/VP9)", "Slides", "Chat room(web)"):
 * classify by words in the label and well-known hosts in the URL, case-insensitively. */
HallwayLinkKind
hallway_link_guess_kind (const char *label, const char *url)
{
  static const char *const video[] = {
    "video", "recording", "media.ccc.de", ".webm", ".mp4", NULL
  };
  static const char * const stream[] = { "live", "stream", NULL };
  static const char * const chat[] = { "chat", "matrix", "irc", NULL };
  static const char * const slides[] = { "slide", ".pdf", "presentation", NULL };
  static const char * const feedback[] = { "feedback", "submit", NULL };

  if (mentions_any (label, url, feedback))
    return HALLWAY_LINK_FEEDBACK;
  if (mentions_any (label, url, chat))
    return HALLWAY_LINK_CHAT;
  if (mentions_any (label, url, stream))
    return HALLWAY_LINK_STREAM;
  if (mentions_any (label, url, video))
    return HALLWAY_LINK_VIDEO;
  if (mentions_any (label, url, slides))
    return HALLWAY_LINK_SLIDES;
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
