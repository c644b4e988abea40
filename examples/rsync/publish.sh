#!/bin/sh
# Checks and builds the vacancy site, then copies it to your web server.
#
# How to use it:
#   1. Copy this file into your site's folder (the one with content/ in it).
#   2. Change the three lines below: your user name on the server, the
#      server's address and the folder on the server for the site. Your web
#      host can tell you all three.
#   3. Run it from your site's folder:  sh publish.sh
#
# It needs the staffroom program, and rsync and ssh (most Linux and Mac
# computers have them; on Windows, run it inside WSL).

SERVER_USER=office                    # your user name on the server
SERVER_HOST=www.oakprimary.example    # the server's address
SERVER_FOLDER=/var/www/jobs/          # the folder on the server the site is served from

# Stop at the first thing that goes wrong.
set -eu

# 1. Look for mistakes. If there are any, they are listed, and nothing is sent.
staffroom check

# 2. Make the finished website in the public/ folder.
staffroom build

# 3. Send it to the server.
#    -a         copy everything in the folder, keeping the files' dates
#    -v         list each file as it is sent
#    --delete   delete files on the server that are no longer in public/
#               (such as a deleted advert's pages). Take care: this deletes
#               EVERYTHING in SERVER_FOLDER that is not in public/, so
#               SERVER_FOLDER must hold nothing but this site. To see what
#               would happen without changing anything, run
#               sh publish.sh --dry-run
#    public/    what to send: the "/" at the end sends what is inside
#               public/, not the folder itself
#    "$@"       anything you add after "sh publish.sh", such as --dry-run
rsync -av --delete "$@" public/ "$SERVER_USER@$SERVER_HOST:$SERVER_FOLDER"

echo "Finished."
