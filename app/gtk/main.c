/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "vg-application.h"

/* French first: the operators' language is the default when the session names none. */
static void
choose_language (void)
{
  const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *v = g_getenv (vars[i]);

      any |= v != NULL && *v != '\0' && !g_str_equal (v, "C") && !g_str_equal (v, "POSIX");
    }
  if (!any)
    {
      /* gettext ignores LANGUAGE in the plain C locale: use a UTF-8 one if the system has it. */
      g_setenv ("LANGUAGE", "fr", TRUE);
      if (setlocale (LC_ALL, "fr_FR.UTF-8") == NULL && setlocale (LC_ALL, "C.UTF-8") == NULL)
        setlocale (LC_ALL, "");
      return;
    }
  setlocale (LC_ALL, "");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VgApplication) app = NULL;
  g_autofree char *installed_mo = g_build_filename (LOCALEDIR, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  choose_language ();
  /* GTK would reset the locale from the environment, undoing the choice above. */
  gtk_disable_setlocale ();
  /* Uninstalled runs (the README's command) read the catalogues from the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_file_test (installed_mo, G_FILE_TEST_EXISTS) ? LOCALEDIR
                                                                                   : VIGIE_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* OpenStreetMap's tile usage policy asks for an identifying User-Agent. */
  shumate_set_user_agent ("Vigie/" PACKAGE_VERSION " (+https://github.com/vigie; crisis-centre decision support)");

  app = vg_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
