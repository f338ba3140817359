package io.fastsync.system;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The JAX-RS operations a built WAR holds, read from its classes and its FastSync jars. */
final class WarResources {

    private WarResources() {}

    /** @return each operation as {@code METHOD /context/path}, sorted */
    static List<String> operations(java.nio.file.Path war) throws IOException, ClassNotFoundException {
        java.nio.file.Path dir = Files.createTempDirectory("war-resources");
        List<URL> urls = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        try (JarFile archive = new JarFile(war.toFile())) {
            java.nio.file.Path classes = dir.resolve("classes");
            for (Enumeration<JarEntry> e = archive.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith("WEB-INF/lib/fastsync-") && name.endsWith(".jar")) {
                    java.nio.file.Path jar = dir.resolve(name.substring("WEB-INF/lib/".length()));
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
                    }
                    urls.add(jar.toUri().toURL());
                    try (JarFile lib = new JarFile(jar.toFile())) {
                        lib.stream()
                                .map(JarEntry::getName)
                                .filter(WarResources::isClass)
                                .forEach(n -> classNames.add(n));
                    }
                } else if (name.startsWith("WEB-INF/classes/") && isClass(name)) {
                    String relative = name.substring("WEB-INF/classes/".length());
                    java.nio.file.Path target = classes.resolve(relative);
                    Files.createDirectories(target.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    classNames.add(relative);
                }
            }
            urls.add(classes.toUri().toURL());
        }
        TreeSet<String> operations = new TreeSet<>();
        try (URLClassLoader loader =
                new URLClassLoader(urls.toArray(URL[]::new), WarResources.class.getClassLoader())) {
            for (String file : classNames) {
                String className =
                        file.substring(0, file.length() - ".class".length()).replace('/', '.');
                Class<?> type = Class.forName(className, false, loader);
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method m : type.getMethods()) {
                    for (Annotation a : m.getAnnotations()) {
                        HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
                        if (verb != null) {
                            Path sub = m.getAnnotation(Path.class);
                            String path = ("/fastsync/" + classPath.value() + (sub == null ? "" : "/" + sub.value()))
                                    .replaceAll("/+", "/");
                            operations.add(verb.value() + " " + path);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(operations);
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class")
                && !name.contains("$")
                && !name.endsWith("package-info.class")
                && !name.endsWith("module-info.class");
    }
}
