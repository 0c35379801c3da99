package org.sprintchain.archrules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds floating point in compiled classes: float/double in field types and method descriptors,
 * floating-point constants and every floating-point bytecode instruction. forbiddenapis cannot see
 * primitive arithmetic, so the deterministic modules run this over their own class files.
 */
public final class FloatingPointScanner {
  private FloatingPointScanner() {}

  /** Every floating-point use found under {@code classesDir}, as "Class.member: what". */
  public static List<String> scan(Path classesDir) {
    List<String> findings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classesDir)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          new ClassReader(in).accept(new ClassScan(findings), ClassReader.SKIP_DEBUG);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return findings;
  }

  /** True when the descriptor names primitive float or double outside a class name. */
  private static boolean floatingDescriptor(String descriptor) {
    boolean inClassName = false;
    for (int i = 0; i < descriptor.length(); i++) {
      char c = descriptor.charAt(i);
      if (inClassName) {
        inClassName = c != ';';
      } else if (c == 'L') {
        inClassName = true;
      } else if (c == 'D' || c == 'F') {
        return true;
      }
    }
    return false;
  }

  private static final class ClassScan extends ClassVisitor {
    private final List<String> findings;
    private String className = "?";

    ClassScan(List<String> findings) {
      super(Opcodes.ASM9);
      this.findings = findings;
    }

    @Override
    public void visit(
        int version, int access, String name, String sig, String superName, String[] ifaces) {
      className = name.replace('/', '.');
    }

    @Override
    public FieldVisitor visitField(
        int access, String name, String descriptor, String signature, Object value) {
      if (floatingDescriptor(descriptor)) {
        findings.add(className + "." + name + ": field of floating-point type " + descriptor);
      }
      return null;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      String where = className + "." + name;
      if (floatingDescriptor(descriptor)) {
        findings.add(where + ": floating point in signature " + descriptor);
      }
      return new MethodScan(where, findings);
    }
  }

  private static final class MethodScan extends MethodVisitor {
    private final String where;
    private final List<String> findings;

    MethodScan(String where, List<String> findings) {
      super(Opcodes.ASM9);
      this.where = where;
      this.findings = findings;
    }

    @Override
    public void visitInsn(int opcode) {
      boolean floating =
          (opcode >= Opcodes.FCONST_0 && opcode <= Opcodes.DCONST_1)
              || opcode == Opcodes.FALOAD
              || opcode == Opcodes.DALOAD
              || opcode == Opcodes.FASTORE
              || opcode == Opcodes.DASTORE
              || (opcode >= Opcodes.FADD && opcode <= Opcodes.DNEG && isFloatArith(opcode))
              || isFloatConversion(opcode)
              || (opcode >= Opcodes.FCMPL && opcode <= Opcodes.DCMPG)
              || opcode == Opcodes.FRETURN
              || opcode == Opcodes.DRETURN;
      if (floating) {
        findings.add(where + ": floating-point instruction opcode " + opcode);
      }
    }

    /** I2F..D2F also spans L2I (136), a pure integer cast, so list the float casts by name. */
    private static boolean isFloatConversion(int opcode) {
      return switch (opcode) {
        case Opcodes.I2F,
            Opcodes.I2D,
            Opcodes.L2F,
            Opcodes.L2D,
            Opcodes.F2I,
            Opcodes.F2L,
            Opcodes.F2D,
            Opcodes.D2I,
            Opcodes.D2L,
            Opcodes.D2F ->
            true;
        default -> false;
      };
    }

    private static boolean isFloatArith(int opcode) {
      // IADD, LADD, FADD, DADD, ISUB, ... repeat in groups of four: int, long, float, double.
      int slot = (opcode - Opcodes.IADD) % 4;
      return slot == 2 || slot == 3;
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
      if (opcode == Opcodes.FLOAD
          || opcode == Opcodes.DLOAD
          || opcode == Opcodes.FSTORE
          || opcode == Opcodes.DSTORE) {
        findings.add(where + ": floating-point local variable");
      }
    }

    @Override
    public void visitLdcInsn(Object value) {
      if (value instanceof Float || value instanceof Double) {
        findings.add(where + ": floating-point constant " + value);
      }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      if (opcode == Opcodes.NEWARRAY
          && (operand == Opcodes.T_FLOAT || operand == Opcodes.T_DOUBLE)) {
        findings.add(where + ": floating-point array");
      }
    }
  }
}
