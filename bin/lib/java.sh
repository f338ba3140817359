# Sourced by the scripts in bin/: finds a JDK of at least a given feature version.
#
#   fastsync_java 21     prints the path of a java command of Java 21 or later, or explains and fails
#
# It looks, in this order, at FASTSYNC_JAVA_HOME, JAVA_HOME, the java on the PATH, and the usual
# places JDKs are installed (/usr/lib/jvm, /usr/java, /opt/java, /opt, SDKMAN!, ~/.jdks), and takes
# the first that is new enough, so that a machine whose default java is older still runs FastSync
# with a newer one it has.

# The feature version (17, 21, 25, ...) of the JDK at $1, from its release file, or nothing.
fastsync_java_feature() {
  local release="$1/release" version
  [ -x "$1/bin/java" ] && [ -f "$release" ] || return 0
  version="$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$release")"
  if [ "$version" = 1 ]; then version=8; fi
  printf '%s' "$version"
}

fastsync_java() {
  local min="$1" home feature seen="" found="" candidates=()
  if [ -n "${FASTSYNC_JAVA_HOME:-}" ]; then candidates+=("$FASTSYNC_JAVA_HOME"); fi
  if [ -n "${JAVA_HOME:-}" ]; then candidates+=("$JAVA_HOME"); fi
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    if [ -d "$home" ] && [ ! -L "$home" ]; then candidates+=("$home"); fi
  done
  for home in "${candidates[@]}"; do
    home="$(readlink -f "$home")"
    case " $seen " in *" $home "*) continue ;; esac
    feature="$(fastsync_java_feature "$home")"
    if [ -n "$feature" ] && [ "$feature" -ge "$min" ]; then
      printf '%s/bin/java' "$home"
      return 0
    fi
    seen="$seen $home"
    if [ -n "$feature" ]; then found="$found $home (Java $feature)"; fi
  done
  {
    echo "$(basename "$0"): needs Java $min or later, and found none:${found:- no JDK at all}."
    echo "  Install one, for example 'apt-get install openjdk-$min-jdk-headless' or Temurin from https://adoptium.net,"
    echo "  or point FASTSYNC_JAVA_HOME at one."
  } >&2
  return 1
}
