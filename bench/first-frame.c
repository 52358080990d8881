/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * Measures, from outside, how long a desktop program takes from exec to its first painted
 * frame, and to a frame whose map area shows map content, by polling the X server: the same
 * measurement for Vigie and for the program it is compared with.
 *
 * Usage: first-frame [--content RRGGBB] [--timeout S] [--settle S] [--memory-after S] -- PROGRAM ARGS...
 * Prints: first-frame-ms N, content-ms N (or "never"), the program's pid, and with
 * --memory-after its RSS and PSS in kB that many seconds after start. Then stops the program.
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <glib.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The largest mapped top-level window that is not the root, or None. */
static Window
find_window (Display *dpy,
             int     *width,
             int     *height)
{
  Window root = DefaultRootWindow (dpy), parent, *children = NULL, best = None;
  unsigned int n = 0;
  long best_area = 0;

  if (!XQueryTree (dpy, root, &root, &parent, &children, &n))
    return None;
  for (unsigned int i = 0; i < n; i++)
    {
      XWindowAttributes attr;

      if (!XGetWindowAttributes (dpy, children[i], &attr) || attr.map_state != IsViewable)
        continue;
      if ((long) attr.width * attr.height > best_area && attr.width > 300 && attr.height > 200)
        {
          best_area = (long) attr.width * attr.height;
          best = children[i];
          *width = attr.width;
          *height = attr.height;
        }
    }
  if (children)
    XFree (children);
  return best;
}

typedef struct { gboolean painted; double content_share; } Look;

/* Samples a few one-pixel rows (cheap to fetch, so polling barely disturbs what it measures):
 * painted = not all one colour; content share = pixels within 8 of @content in the central half
 * of the rows at 30–70 % of the height (where a map sits). */
static Look
look_at (Display  *dpy,
         Window    win,
         int       width,
         int       height,
         guint32   content)
{
  static const double rows[] = { 0.1, 0.3, 0.4, 0.5, 0.6, 0.7 };
  Look look = { FALSE, 0 };
  unsigned long first = 0;
  gboolean have_first = FALSE;
  int samples = 0, hits = 0;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      int y = height * rows[r];
      XImage *image = XGetImage (dpy, win, 0, y, width, 1, AllPlanes, ZPixmap);

      /* The window may be unmapped or resized between calls: skip the row then. */
      if (image == NULL)
        continue;
      for (int x = 4; x < width; x += 8)
        {
          unsigned long p = XGetPixel (image, x, 0) & 0xffffff;

          if (!have_first)
            {
              first = p;
              have_first = TRUE;
            }
          else if (p != first)
            look.painted = TRUE;
          if (r > 0 && x > width / 4 && x < width * 3 / 4)
            {
              int dr = abs ((int) (p >> 16 & 0xff) - (int) (content >> 16 & 0xff));
              int dg = abs ((int) (p >> 8 & 0xff) - (int) (content >> 8 & 0xff));
              int db = abs ((int) (p & 0xff) - (int) (content & 0xff));

              samples++;
              hits += dr < 8 && dg < 8 && db < 8;
            }
        }
      XDestroyImage (image);
    }
  look.content_share = hits / (double) MAX (1, samples);
  return look;
}

static int
ignore_x_errors (Display *dpy, XErrorEvent *event)
{
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  guint32 content = 0xf2efe9;
  double timeout = 20, settle = 4, memory_after = 0;
  int first = 1;
  Display *dpy;
  gint64 start, first_frame = -1, content_frame = -1;
  pid_t pid;

  while (first < argc && strcmp (argv[first], "--") != 0)
    {
      if (strcmp (argv[first], "--content") == 0 && first + 1 < argc)
        content = strtoul (argv[++first], NULL, 16);
      else if (strcmp (argv[first], "--timeout") == 0 && first + 1 < argc)
        timeout = atof (argv[++first]);
      else if (strcmp (argv[first], "--settle") == 0 && first + 1 < argc)
        settle = atof (argv[++first]);
      else if (strcmp (argv[first], "--memory-after") == 0 && first + 1 < argc)
        memory_after = atof (argv[++first]);
      first++;
    }
  if (first + 1 >= argc)
    {
      fprintf (stderr, "usage: first-frame [--content RRGGBB] [--timeout S] -- PROGRAM ARGS...\n");
      return 2;
    }

  dpy = XOpenDisplay (NULL);
  if (dpy == NULL)
    {
      fprintf (stderr, "first-frame: no X display\n");
      return 1;
    }
  XSetErrorHandler (ignore_x_errors);

  start = g_get_monotonic_time ();
  pid = fork ();
  if (pid == 0)
    {
      execvp (argv[first + 1], argv + first + 1);
      _exit (127);
    }

  while (g_get_monotonic_time () - start < timeout * G_USEC_PER_SEC)
    {
      int width = 0, height = 0;
      Window win = find_window (dpy, &width, &height);

      if (win != None)
        {
          Look look = look_at (dpy, win, width, height, content);
          gint64 now = g_get_monotonic_time ();

          if (look.painted && first_frame < 0)
            first_frame = now - start;
          /* Map content: at least a fifth of the central region in the map's land colour. */
          if (look.painted && look.content_share > 0.2 && content_frame < 0)
            content_frame = now - start;
          /* Done when content shows, or @settle seconds after a first frame without it. */
          if (content_frame >= 0 || (first_frame >= 0 && now - start - first_frame > settle * G_USEC_PER_SEC))
            break;
        }
      g_usleep (4000);
    }

  printf ("first-frame-ms %s\n", first_frame < 0 ? "never" : g_strdup_printf ("%.0f", first_frame / 1000.0));
  printf ("content-ms %s\n", content_frame < 0 ? "never" : g_strdup_printf ("%.0f", content_frame / 1000.0));
  printf ("pid %d\n", (int) pid);

  /* Idle memory: RSS and PSS (shared pages divided among their users) @memory_after seconds
   * after start, as /proc reports them. */
  if (memory_after > 0)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%d/smaps_rollup", (int) pid);
      g_autofree char *text = NULL;
      gint64 wait = start + memory_after * G_USEC_PER_SEC - g_get_monotonic_time ();

      if (wait > 0)
        g_usleep (wait);
      if (g_file_get_contents (path, &text, NULL, NULL))
        {
          const char *rss = strstr (text, "\nRss:"), *pss = strstr (text, "\nPss:");

          printf ("rss-kb %ld\npss-kb %ld\n", rss ? atol (rss + 5) : 0L, pss ? atol (pss + 5) : 0L);
        }
    }
  fflush (stdout);
  kill (pid, SIGTERM);
  for (int i = 0; i < 50 && waitpid (pid, NULL, WNOHANG) == 0; i++)
    g_usleep (20000);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  XCloseDisplay (dpy);
  return 0;
}
