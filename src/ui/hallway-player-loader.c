/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "hallway-player-loader"

#include "config.h"

#include "hallway-gst-stream.h" /* only its declarations: the code is the module's */
#include "hallway-module.h"
#include "hallway-player-loader.h"

/* GStreamer is linked by the player module (libhallway-player, hallway-gst-stream.c) alone,
 * loaded when the first stream is played: start-up does not load it (issue 13). */

typedef __typeof__ (hallway_gst_stream_new) NewStreamFunc;

/**
 * hallway_player_loader_new_stream:
 * @uri: the stream's or the recording's address
 * @error: set to %HALLWAY_GST_STREAM_ERROR_NO_PLAYER_MODULE when the player module cannot
 *   be loaded
 *
 * Main thread only.
 *
 * Returns: (transfer full) (nullable): a stream of @uri, not yet playing
 */
GtkMediaStream *
hallway_player_loader_new_stream (const char *uri, GError **error)
{
  static const char * const symbol_names[] = { "hallway_gst_stream_new", NULL };
  static gpointer symbols[G_N_ELEMENTS (symbol_names) - 1];
  static HallwayModule player_module = HALLWAY_MODULE_INIT ("player", symbol_names, symbols);
  const char *why;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!hallway_module_ensure (&player_module, &why))
    {
      g_set_error_literal (error, HALLWAY_GST_STREAM_ERROR,
                           HALLWAY_GST_STREAM_ERROR_NO_PLAYER_MODULE, why);
      return NULL;
    }
  return ((NewStreamFunc *) symbols[0]) (uri);
}
