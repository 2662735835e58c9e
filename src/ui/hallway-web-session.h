/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

WebKitNetworkSession *hallway_web_session_get_default (void);

G_END_DECLS
