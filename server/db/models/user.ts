import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { companyRoles, roles, type CompanyRole, type Role } from '../../accounts/roles';
import { sequelize } from '../sequelize';

export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {
  declare id: CreationOptional<number>;
  declare email: string;
  declare passwordHash: string | null;
  declare firstName: string;
  declare lastName: string;
  declare phone: string | null;
  declare role: Role;
  declare companyId: number | null;
  /** A client's role in their company; null for staff (a client row is given 'manager' unless told otherwise). */
  declare companyRole: CreationOptional<CompanyRole | null>;
  declare locale: CreationOptional<string>;
  declare active: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

User.init(
  {
    id: { type: DataTypes.INTEGER.UNSIGNED, autoIncrement: true, primaryKey: true },
    email: { type: DataTypes.STRING(254), allowNull: false, unique: true },
    passwordHash: DataTypes.STRING(255),
    firstName: { type: DataTypes.STRING(100), allowNull: false },
    lastName: { type: DataTypes.STRING(100), allowNull: false },
    phone: DataTypes.STRING(20),
    role: { type: DataTypes.ENUM(...roles), allowNull: false },
    companyId: DataTypes.INTEGER.UNSIGNED,
    companyRole: DataTypes.ENUM(...companyRoles),
    locale: { type: DataTypes.STRING(2), allowNull: false, defaultValue: 'fr' },
    active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'users',
    hooks: {
      // A client is their company's manager unless made otherwise (a registration, a first quote);
      // staff have no company role. Kept here so that no path can leave a client without one.
      beforeValidate(user) {
        // A row loaded without its role (attributes: [...]) is left as it is.
        if (user.role === undefined) return;
        if (user.role !== 'client') user.companyRole = null;
        else user.companyRole ??= 'manager';
      },
    },
  },
);
