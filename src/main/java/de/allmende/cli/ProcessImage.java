package de.allmende.cli;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Optional;

/**
 * Replaces the program of this process with another (execv(3)), keeping the process id: the tuned JVM
 * is the process the operator started, so SIGTERM, kill -9, exit codes and supervisors (systemd,
 * Docker) reach the node itself, and no second JVM stays around. Uses the foreign-function API, final
 * since Java 22. This code is compiled for Java 21, where that API is a preview, so it is reached by
 * reflection, and not at all on 21.
 */
final class ProcessImage {
    /** linux/close_range.h: mark the descriptors close-on-exec instead of closing them. */
    private static final int CLOSE_RANGE_CLOEXEC = 4;

    private ProcessImage() {}

    /** Never returns when the program was replaced; returns when it could not be. */
    static void replaceWith(List<String> command) {
        if (Runtime.version().feature() < 22) return;
        try {
            Ffm ffm = new Ffm();
            // Descriptors this JVM opened without O_CLOEXEC (the jar, a debugger's socket) stay out of the new one;
            // close_range needs Linux 5.11, and without it they are only a few descriptors more.
            Optional<MethodHandle> closeRange = ffm.function("close_range", ffm.javaInt, ffm.javaInt, ffm.javaInt);
            if (closeRange.isPresent()) closeRange.get().invokeWithArguments(3, -1, CLOSE_RANGE_CLOEXEC);
            Optional<MethodHandle> execv = ffm.function("execv", ffm.address, ffm.address);
            if (execv.isEmpty()) return;
            Object[] argv = command.stream().map(ffm::cString).toArray();
            System.out.flush();
            System.err.flush();
            execv.get().invokeWithArguments(argv[0], ffm.nullTerminated(argv)); // returns only on failure
        } catch (Throwable unavailable) { // the API or the call is missing or refused: the caller starts a child JVM
            return;
        }
    }

    /** The few pieces of java.lang.foreign this needs, by reflection. */
    private static final class Ffm {
        final Class<?> segment = api("MemorySegment");
        final Class<?> layout = api("MemoryLayout");
        final Object address = constant("ValueLayout", "ADDRESS");
        final Object javaInt = constant("ValueLayout", "JAVA_INT");
        final Object linker = api("Linker").getMethod("nativeLinker").invoke(null);
        final Object arena = api("Arena").getMethod("global").invoke(null);

        Ffm() throws ReflectiveOperationException {}

        /** A C function returning int, with parameters of the given layouts ({@link #javaInt}, {@link #address}). */
        Optional<MethodHandle> function(String name, Object... parameterLayouts) throws ReflectiveOperationException {
            Object lookup = api("Linker").getMethod("defaultLookup").invoke(linker);
            Optional<?> symbol = (Optional<?>) api("SymbolLookup").getMethod("find", String.class).invoke(lookup, name);
            if (symbol.isEmpty()) return Optional.empty();
            Object parameters = Array.newInstance(layout, parameterLayouts.length);
            for (int i = 0; i < parameterLayouts.length; i++) Array.set(parameters, i, parameterLayouts[i]);
            Object descriptor = api("FunctionDescriptor").getMethod("of", layout, parameters.getClass()).invoke(null, javaInt, parameters);
            Class<?> option = api("Linker$Option");
            return Optional.of((MethodHandle) api("Linker").getMethod("downcallHandle", segment, api("FunctionDescriptor"),
                    option.arrayType()).invoke(linker, symbol.get(), descriptor, Array.newInstance(option, 0)));
        }

        Object cString(String text) {
            try {
                return api("SegmentAllocator").getMethod("allocateFrom", String.class).invoke(arena, text);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A C array of the given pointers followed by NULL, as execv's argv. */
        Object nullTerminated(Object[] pointers) throws ReflectiveOperationException {
            Object array = api("SegmentAllocator").getMethod("allocate", layout, long.class).invoke(arena, address, pointers.length + 1L);
            var set = segment.getMethod("setAtIndex", api("AddressLayout"), long.class, segment);
            for (int i = 0; i < pointers.length; i++) set.invoke(array, address, (long) i, pointers[i]);
            set.invoke(array, address, (long) pointers.length, segment.getField("NULL").get(null));
            return array;
        }

        private static Class<?> api(String name) throws ClassNotFoundException {
            return Class.forName("java.lang.foreign." + name);
        }

        private static Object constant(String type, String field) throws ReflectiveOperationException {
            return api(type).getField(field).get(null);
        }
    }
}
