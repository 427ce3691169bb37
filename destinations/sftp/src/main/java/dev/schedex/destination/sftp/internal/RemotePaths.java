package dev.schedex.destination.sftp.internal;

import java.util.ArrayList;
import java.util.List;

/** Paths on the server, always with {@code /}, whatever the client's platform. */
public final class RemotePaths {

    private RemotePaths() {}

    /**
     * @param folder a folder, without a trailing {@code /} (unless it is {@code /})
     * @param relative a path below it, with {@code /} between names
     * @return the joined path
     */
    public static String join(String folder, String relative) {
        return folder.endsWith("/") ? folder + relative : folder + "/" + relative;
    }

    /**
     * @param path a path with at least one {@code /}
     * @return everything before its last {@code /}
     */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /**
     * @param root     a folder
     * @param inside   a path on the server
     * @return true if {@code inside} is the root or below it
     */
    public static boolean within(String root, String inside) {
        return inside.equals(root) || inside.startsWith(root.endsWith("/") ? root : root + "/");
    }

    /**
     * @param path an absolute path
     * @return it with {@code .}, {@code ..} and empty names resolved by name (a {@code ..} above
     *     {@code /} stays at {@code /}), as a link's target is read
     */
    public static String normalise(String path) {
        java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
        for (String name : path.split("/")) {
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                names.pollLast();
            } else {
                names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
    }

    /**
     * @param relative a relative path with {@code /} between names
     * @return its folder names, in order, without the last name
     */
    public static List<String> folders(String relative) {
        String[] names = relative.split("/");
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < names.length - 1; i++) {
            folders.add(names[i]);
        }
        return folders;
    }

    /**
     * @param relative a path read back from the destination's own index, which anyone with access
     *     to the server could have edited
     * @return true if it is a plain relative path that stays below the root
     */
    public static boolean safeRelative(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
            return false;
        }
        for (String name : relative.split("/", -1)) {
            if (name.isEmpty() || name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
